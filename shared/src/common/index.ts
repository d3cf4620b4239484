/** Ids, record codes, the error body and the basic field schemas. */
export { CODE_FORMATS, type CodeKind, codeSequenceKey, newId } from './ids.ts';
export {
  type ErrorBody,
  PASSWORD_MIN_LENGTH,
  ZEmail,
  ZErrorBody,
  ZId,
  ZIsoDate,
  ZIsoDateTime,
  ZNewPassword,
  ZOk,
} from './schemas.ts';
