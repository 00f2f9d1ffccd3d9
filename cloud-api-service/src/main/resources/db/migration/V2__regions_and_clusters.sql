-- Region catalogue and serverless clusters. Plain SQL that runs on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE regions (
    name           VARCHAR(128) NOT NULL,
    region_id      VARCHAR(96)  NOT NULL,
    cloud_provider VARCHAR(16)  NOT NULL,
    display_name   VARCHAR(128) NOT NULL,
    sort_order     INTEGER      NOT NULL,
    CONSTRAINT pk_regions PRIMARY KEY (name),
    CONSTRAINT uq_regions_region_id UNIQUE (region_id),
    CONSTRAINT ck_regions_provider CHECK (cloud_provider IN ('aws', 'gcp', 'azure'))
);

INSERT INTO regions (name, region_id, cloud_provider, display_name, sort_order) VALUES
    ('regions/aws-us-east-1',         'aws-us-east-1',         'aws',   'N. Virginia (us-east-1)',    10),
    ('regions/aws-us-west-2',         'aws-us-west-2',         'aws',   'Oregon (us-west-2)',         20),
    ('regions/aws-eu-central-1',      'aws-eu-central-1',      'aws',   'Frankfurt (eu-central-1)',   30),
    ('regions/aws-ap-northeast-1',    'aws-ap-northeast-1',    'aws',   'Tokyo (ap-northeast-1)',     40),
    ('regions/aws-ap-southeast-1',    'aws-ap-southeast-1',    'aws',   'Singapore (ap-southeast-1)', 50),
    ('regions/gcp-us-central1',       'gcp-us-central1',       'gcp',   'Iowa (us-central1)',         60),
    ('regions/gcp-europe-west1',      'gcp-europe-west1',      'gcp',   'Belgium (europe-west1)',     70),
    ('regions/gcp-asia-southeast1',   'gcp-asia-southeast1',   'gcp',   'Singapore (asia-southeast1)', 80),
    ('regions/azure-eastus2',         'azure-eastus2',         'azure', 'Virginia (eastus2)',         90),
    ('regions/azure-westeurope',      'azure-westeurope',      'azure', 'Netherlands (westeurope)',   100);

CREATE TABLE clusters (
    id                  BIGINT                   NOT NULL,
    project_id          BIGINT                   NOT NULL,
    display_name        VARCHAR(64)              NOT NULL,
    region_name         VARCHAR(128)             NOT NULL,
    state               VARCHAR(16)              NOT NULL,
    version             VARCHAR(32)              NOT NULL,
    user_prefix         VARCHAR(32),
    public_host         VARCHAR(255),
    public_port         INTEGER,
    labels              VARCHAR(8000)            NOT NULL,
    created_by          VARCHAR(255)             NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Lifecycle work that survives restarts: what is pending, since when, and when to look again.
    pending_operation   VARCHAR(16),
    operation_started_at TIMESTAMP WITH TIME ZONE,
    due_at              TIMESTAMP WITH TIME ZONE,
    attempts            INTEGER                  NOT NULL,
    CONSTRAINT pk_clusters PRIMARY KEY (id),
    CONSTRAINT fk_clusters_project FOREIGN KEY (project_id) REFERENCES projects (id),
    CONSTRAINT fk_clusters_region FOREIGN KEY (region_name) REFERENCES regions (name),
    CONSTRAINT uq_clusters_project_name UNIQUE (project_id, display_name),
    CONSTRAINT ck_clusters_state CHECK (state IN ('CREATING', 'ACTIVE', 'DELETING')),
    CONSTRAINT ck_clusters_pending CHECK (pending_operation IS NULL OR pending_operation IN ('CREATE', 'DELETE'))
);

CREATE INDEX ix_clusters_project ON clusters (project_id, created_at, id);
CREATE INDEX ix_clusters_due ON clusters (due_at);
