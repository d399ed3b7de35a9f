// " at CUSTX1" after something another site recorded (received by sync); nothing for this site's own.
import { useApp } from '../app/store-context';

export function FromSite({ site }: { site: string }) {
  const here = useApp((s) => s.site?.siteCode ?? null);
  return here !== null && site !== here ? <strong className="sonar-origin"> at {site}</strong> : null;
}
