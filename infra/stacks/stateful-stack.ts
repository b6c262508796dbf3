// What holds data and identities: the single table and the two user pools. Kept apart from the stateless API so
// that redeploying or replacing functions can never touch a customer's data or account.

import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { GLOBAL_SECONDARY_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '#shared/db/table.ts';
import { type StageConfig, tableName } from '#infra/config.ts';
import { PortalUserPool } from '#infra/constructs/portal-user-pool.ts';

export interface StatefulStackProps extends StackProps {
  config: StageConfig;
}

export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly customers: PortalUserPool;
  readonly staff: PortalUserPool;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;

    // The table's shape comes from shared/db/table.ts, the same declaration the local runtime builds DynamoDB Local from.
    this.table = new TableV2(this, 'Table', {
      tableName: tableName(config),
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: GLOBAL_SECONDARY_INDEXES.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });

    this.customers = new PortalUserPool(this, 'Customers', {
      config,
      audience: 'customer',
      selfSignUp: true,
      refreshTokenValidity: config.refreshTokenValidity.customer,
    });

    this.staff = new PortalUserPool(this, 'Staff', {
      config,
      audience: 'staff',
      selfSignUp: false,
      groups: STAFF_GROUPS,
      refreshTokenValidity: config.refreshTokenValidity.staff,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'CustomerUserPoolId', { value: this.customers.userPool.userPoolId });
    new CfnOutput(this, 'CustomerClientId', { value: this.customers.client.userPoolClientId });
    new CfnOutput(this, 'StaffUserPoolId', { value: this.staff.userPool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: this.staff.client.userPoolClientId });
  }
}
