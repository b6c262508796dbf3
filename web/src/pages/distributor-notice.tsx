// What a distributor's client sees where it would order renewals or upgrades (issue #15): its distributor orders them,
// with the distributor's name and contact (GET /api/me/distributor); nothing for an account without one. The licence
// pages' notice says exactly this, so it is the one component.

export { DistributorNotice as OrderedByDistributorNotice } from './Distributors.tsx';
