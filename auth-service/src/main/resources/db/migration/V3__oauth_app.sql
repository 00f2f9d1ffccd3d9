-- Developer OAuth applications registered through auth-service: the Keycloak client it created
-- (client_id) and who owns it (owner, the Keycloak user id). Keycloak holds the client itself
-- (redirect URIs, scopes, secret); auth-service touches no client without a row here.
CREATE TABLE oauth_app (
    client_id VARCHAR(64)   PRIMARY KEY,
    owner     VARCHAR(255)  NOT NULL,
    name      VARCHAR(255)  NOT NULL,
    kind      VARCHAR(16)   NOT NULL,
    homepage  VARCHAR(2000),
    created   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX oauth_app_owner ON oauth_app (owner, created);
