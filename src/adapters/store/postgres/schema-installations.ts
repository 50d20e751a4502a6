/**
 * PostgreSQL table for chat platform installations (Slack workspaces that installed the app through
 * OAuth). `data` is the platform's installation object as JSON text, kept byte for byte; it holds the
 * bot token, so it is never logged. Times are TIMESTAMPTZ; the store returns them as ISO 8601 strings.
 */
export const INSTALLATION_TABLES = `
CREATE TABLE installations (
  platform TEXT NOT NULL CHECK (platform IN ('slack')),
  -- the Slack team id, or the enterprise id for an org-wide install
  workspace_id TEXT NOT NULL,
  enterprise_id TEXT,
  data TEXT NOT NULL,
  installed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (platform, workspace_id)
);
`;
