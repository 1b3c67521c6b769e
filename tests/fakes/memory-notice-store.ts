import { isCurrent, type Notice, type NoticeStore } from "../../src/assistant/notices/index.js";

/** NoticeStore in memory, with the same semantics as the SQLite and PostgreSQL adapters (see the contract suite). */
export function createMemoryNoticeStore(): NoticeStore & { all: Notice[] } {
  const all: Notice[] = [];
  const newestFirst = (list: Notice[]) => [...list].sort((a, b) => b.id - a.id);
  return {
    all,
    async current(place, now) {
      if (!place.provinceCode) return [];
      return newestFirst(
        all.filter((n) => n.provinceCode === place.provinceCode && (!n.communeCode || n.communeCode === place.communeCode) && isCurrent(n, now)),
      );
    },
    async list(scope, limit) {
      return newestFirst(
        all.filter((n) => (!scope.provinceCode || n.provinceCode === scope.provinceCode) && (!scope.communeCode || n.communeCode === scope.communeCode)),
      ).slice(0, limit);
    },
    async get(id) {
      return all.find((n) => n.id === id);
    },
    async create(input, { by, at }) {
      const notice: Notice = { ...input, id: all.length + 1, updatedBy: by, createdAt: at.toISOString(), updatedAt: at.toISOString() };
      all.push(notice);
      return notice;
    },
    async update(id, input, { by, at }) {
      const i = all.findIndex((n) => n.id === id);
      if (i < 0) return undefined;
      const notice: Notice = { ...input, id, updatedBy: by, createdAt: all[i]!.createdAt, updatedAt: at.toISOString() };
      all[i] = notice;
      return notice;
    },
  };
}
