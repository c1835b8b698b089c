import type { z } from 'zod';
import type { ApiContract, ApiResult, Channel } from '../../shared/api/contract';
import type { Actor } from './caller';

type ValidInput<C extends Channel> = z.output<ApiContract[C]['input']>;

/** What each channel does: inputs arrive already checked against the contract, callers against their rights. */
export type Handlers = { [C in Channel]: (input: ValidInput<C>, actor: Actor) => ApiResult<C> | Promise<ApiResult<C>> };
