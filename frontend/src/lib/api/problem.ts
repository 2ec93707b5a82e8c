import type { components } from "./schema";

/** One entry of a problem's `errors[]`, as generated from the API's schema. */
export type FieldProblem = components["schemas"]["FieldError"];

type ServerProblem = components["schemas"]["Problem"];

/**
 * RFC 9457 problem details (application/problem+json), from the generated schema. Only `status` and
 * `code` are guaranteed: network failures and non-JSON answers are turned into problems too.
 */
export type Problem = Pick<ServerProblem, "status" | "code"> & Partial<Omit<ServerProblem, "status" | "code">>;

/** Thrown by `unwrap` for every non-2xx answer, and for network failures (status 0). */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly response?: Response;

  constructor(problem: Problem, response?: Response) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = "ApiError";
    this.problem = problem;
    this.response = response;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Turns whatever the server sent into a Problem, even when the body is empty or not JSON. */
export function toProblem(body: unknown, status: number): Problem {
  if (body && typeof body === "object" && "code" in body) {
    const p = body as Partial<Problem>;
    return { ...p, status: typeof p.status === "number" ? p.status : status, code: String(p.code) };
  }
  const detail = typeof body === "string" && body.length > 0 ? body : undefined;
  return { status, code: `http_${status}`, detail };
}
