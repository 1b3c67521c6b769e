/**
 * Who may do what in the admin area (issue 13). The core owns this vocabulary; the HTTP layer only asks `can()`.
 *
 * - admin: everything, including accounts and settings
 * - reviewer: publishes, rolls back and retires knowledge; everything an editor can
 * - editor: drafts lessons, curated answers and local notices; works the unanswered inbox
 * - viewer: reads reports (and nothing else)
 */
export const ROLES = ["admin", "reviewer", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "accounts:manage"
  | "audit:read"
  | "knowledge:read"
  | "knowledge:draft"
  | "knowledge:publish"
  | "curated:edit"
  | "curated:publish"
  | "inbox:work"
  | "notices:edit"
  | "outbox:manage"
  | "reports:read";

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ["reports:read"],
  editor: ["reports:read", "knowledge:read", "knowledge:draft", "curated:edit", "inbox:work", "notices:edit"],
  reviewer: ["reports:read", "knowledge:read", "knowledge:draft", "knowledge:publish", "curated:edit", "curated:publish", "inbox:work", "notices:edit"],
  admin: [
    "accounts:manage", "audit:read", "knowledge:read", "knowledge:draft", "knowledge:publish", "curated:edit", "curated:publish",
    "inbox:work", "notices:edit", "outbox:manage", "reports:read",
  ],
};

/** Every permission (the admin role holds them all), e.g. to list what an account may do. */
export const PERMISSIONS: readonly Permission[] = GRANTS.admin;

/**
 * Where an account may act: the whole deployment (no codes), one province, or one commune of a province. Codes are
 * the administrative-unit codes the learning store uses (GSO codes).
 */
export interface Scope {
  provinceCode?: string;
  communeCode?: string;
}

/** The signed-in account (or API token) behind a request. */
export interface Principal {
  /** Account id; "bootstrap" for ADMIN_API_TOKEN. */
  id: string;
  username: string;
  role: Role;
  scope: Scope;
  /** How the request proved who it is: session cookie (needs CSRF on writes) or bearer token. */
  via: "session" | "token";
}

export const BOOTSTRAP_PRINCIPAL: Principal = { id: "bootstrap", username: "ADMIN_API_TOKEN", role: "admin", scope: {}, via: "token" };

export function can(principal: Principal, permission: Permission): boolean {
  return GRANTS[principal.role].includes(permission);
}

/** True when the principal's scope covers a locality (a deployment-wide account covers everything). */
export function covers(scope: Scope, place: { provinceCode?: string; communeCode?: string }): boolean {
  if (scope.provinceCode && scope.provinceCode !== place.provinceCode) return false;
  if (scope.communeCode && scope.communeCode !== place.communeCode) return false;
  return true;
}

/** Knowledge-base-wide changes (lessons, curated answers) need a deployment-wide account. */
export function isDeploymentWide(scope: Scope): boolean {
  return !scope.provinceCode && !scope.communeCode;
}
