-- Revocations arrive as Security Event Tokens (contract/README.md): keep what the feed sends on
-- besides the columns of V1. issuer: the realm's issuer URL (iss); initiating_entity: CAEP's
-- initiating_entity; cause now holds CAEP's reason_admin, which is optional.
ALTER TABLE revocation_event ADD COLUMN issuer VARCHAR(255);
ALTER TABLE revocation_event ADD COLUMN initiating_entity VARCHAR(16);
ALTER TABLE revocation_event ALTER COLUMN cause DROP NOT NULL;
