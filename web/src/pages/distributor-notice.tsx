// What a distributor's client sees where it would order renewals or upgrades (issue #15): its distributor orders them,
// with the distributor's name and contact. A stub the reseller area fills; the services and upgrades pages mount it.

export function OrderedByDistributorNotice() {
  return null;
}
