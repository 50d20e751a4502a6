/** Which installation a request, an event or an install belongs to, as Bolt describes it. */
export interface InstallationIds {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/**
 * The key an installation is stored under: the team id, or the enterprise id for an org-wide install (one
 * installation then serves every workspace of the organization). Undefined when the ids do not say.
 */
export function installationKey(ids: InstallationIds): string | undefined {
  const key = ids.isEnterpriseInstall === true ? ids.enterpriseId : ids.teamId;
  return key === undefined || key === '' ? undefined : key;
}
