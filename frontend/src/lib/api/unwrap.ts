import { ApiError, toProblem } from "./problem";

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError built from the problem body. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError({ status: 0, code: "network_error", detail: String(e) });
  }
  if (!result.response.ok) {
    throw new ApiError(toProblem(result.error, result.response.status), result.response);
  }
  return result.data as T;
}

/** The If-Match header value for a record version, as the API's ETag spells it. */
export function ifMatch(version: number): { "If-Match": string } {
  return { "If-Match": `"${version}"` };
}
