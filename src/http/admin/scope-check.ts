import type { Scope } from "../../admin/roles.js";
import { covers } from "../../admin/roles.js";
import type { LearningStore } from "../../assistant/learning/index.js";

/** "toàn quốc", "tỉnh 01", "xã 00004 (tỉnh 01)" — for the audit log and messages. */
export function describeScope(scope: Scope): string {
  if (scope.communeCode) return `xã ${scope.communeCode} (tỉnh ${scope.provinceCode ?? "?"})`;
  if (scope.provinceCode) return `tỉnh ${scope.provinceCode}`;
  return "toàn hệ thống";
}

/**
 * Checks a scope an admin wants to give an account: the codes exist in the administrative-unit list, the commune lies
 * in the province, and it is inside the acting admin's own scope. Returns the scope, or a Vietnamese reason.
 */
export async function checkScope(units: Pick<LearningStore, "getUnit">, actorScope: Scope, wanted: Scope): Promise<Scope | string> {
  const scope: Scope = { ...(wanted.provinceCode ? { provinceCode: wanted.provinceCode } : {}), ...(wanted.communeCode ? { communeCode: wanted.communeCode } : {}) };
  if (scope.communeCode && !scope.provinceCode) return "Khi chọn xã/phường, hãy chọn cả tỉnh/thành phố.";
  if (scope.provinceCode) {
    const province = await units.getUnit(scope.provinceCode);
    if (province?.level !== "province") return `Không có tỉnh/thành phố mã ${scope.provinceCode} trong danh mục địa bàn.`;
  }
  if (scope.communeCode) {
    const commune = await units.getUnit(scope.communeCode);
    if (commune?.level !== "commune") return `Không có xã/phường mã ${scope.communeCode} trong danh mục địa bàn.`;
    if (commune.parentCode !== scope.provinceCode) return `Xã/phường ${scope.communeCode} không thuộc tỉnh/thành phố ${scope.provinceCode}.`;
  }
  if (!covers(actorScope, scope)) return `Bạn chỉ được giao phạm vi trong ${describeScope(actorScope)}.`;
  return scope;
}
