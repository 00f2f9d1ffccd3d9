-- Tenancy and projects. Plain SQL that runs on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE organizations (
    id            BIGINT                   NOT NULL,
    name          VARCHAR(255)             NOT NULL,
    owner_subject VARCHAR(255)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_organizations PRIMARY KEY (id),
    -- one organization per user: makes concurrent first calls race-safe
    CONSTRAINT uq_organizations_owner UNIQUE (owner_subject)
);

CREATE TABLE projects (
    id         BIGINT                   NOT NULL,
    org_id     BIGINT                   NOT NULL,
    name       VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_projects PRIMARY KEY (id),
    CONSTRAINT fk_projects_org FOREIGN KEY (org_id) REFERENCES organizations (id),
    CONSTRAINT uq_projects_org_name UNIQUE (org_id, name)
);

CREATE TABLE project_members (
    id         BIGINT                   NOT NULL,
    project_id BIGINT                   NOT NULL,
    subject    VARCHAR(255)             NOT NULL,
    role       VARCHAR(16)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_project_members PRIMARY KEY (id),
    CONSTRAINT fk_project_members_project FOREIGN KEY (project_id) REFERENCES projects (id),
    CONSTRAINT uq_project_members UNIQUE (project_id, subject),
    CONSTRAINT ck_project_members_role CHECK (role IN ('OWNER', 'MEMBER'))
);

CREATE INDEX ix_project_members_subject ON project_members (subject);
