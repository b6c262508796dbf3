// The DynamoDB document commands Atrium uses, with the inputs and outputs of @aws-sdk/lib-dynamodb (types only), sent
// by the small client in shared/db/client.ts. Plain JavaScript values in, plain values out: marshalling happens there.

import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  TransactGetCommandInput,
  TransactGetCommandOutput,
  TransactWriteCommandInput,
  TransactWriteCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';

export type {
  BatchGetCommandInput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  QueryCommandOutput,
  TransactWriteCommandInput,
  UpdateCommandInput,
};

type Output<T> = Omit<T, '$metadata'>;

/** One DynamoDB operation: its API name, its input, and (as a type only) its output. */
export abstract class DbCommand<I, O> {
  abstract readonly operation: string;
  /** Never set: carries the output type for `db().send`. */
  declare readonly output: O;
  constructor(readonly input: I) {}
}

export class GetCommand extends DbCommand<GetCommandInput, Output<GetCommandOutput>> {
  readonly operation = 'GetItem';
}
export class PutCommand extends DbCommand<PutCommandInput, Output<PutCommandOutput>> {
  readonly operation = 'PutItem';
}
export class UpdateCommand extends DbCommand<UpdateCommandInput, Output<UpdateCommandOutput>> {
  readonly operation = 'UpdateItem';
}
export class DeleteCommand extends DbCommand<DeleteCommandInput, Output<DeleteCommandOutput>> {
  readonly operation = 'DeleteItem';
}
export class QueryCommand extends DbCommand<QueryCommandInput, Output<QueryCommandOutput>> {
  readonly operation = 'Query';
}
export class BatchGetCommand extends DbCommand<BatchGetCommandInput, Output<BatchGetCommandOutput>> {
  readonly operation = 'BatchGetItem';
}
export class BatchWriteCommand extends DbCommand<BatchWriteCommandInput, Output<BatchWriteCommandOutput>> {
  readonly operation = 'BatchWriteItem';
}
export class TransactGetCommand extends DbCommand<TransactGetCommandInput, Output<TransactGetCommandOutput>> {
  readonly operation = 'TransactGetItems';
}
export class TransactWriteCommand extends DbCommand<TransactWriteCommandInput, Output<TransactWriteCommandOutput>> {
  readonly operation = 'TransactWriteItems';
}
