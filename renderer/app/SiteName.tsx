import type { SiteSummary } from '../../contract/site-config';

const siteTypes: Record<SiteSummary['siteType'], string> = { custody: 'Custody suite', prison: 'Prison', community: 'Community' };

/** The site by name and code; a demo site says so in words, not by colour alone. */
export function SiteName({ site }: { site: SiteSummary }) {
  return (
    <span className="sonar-site" data-testid="site-name">
      <span className="sonar-site__name">{site.siteName}</span> <span className="sonar-site__code">({site.siteCode})</span>
      <span className="nhsuk-u-visually-hidden">, {siteTypes[site.siteType]}</span>
      {site.demo ? (
        <>
          {' '}
          <strong className="nhsuk-tag nhsuk-tag--orange sonar-demo-tag" title="Demonstration site: synthetic data only">
            DEMO
          </strong>
        </>
      ) : null}
    </span>
  );
}

export function siteTypeLabel(site: SiteSummary): string {
  return siteTypes[site.siteType];
}
