import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Lesson } from "../../../src/curriculum/index.js";
import { LiveKnowledge } from "../../../src/publishing/live-knowledge.js";
import type { LessonVersionStore } from "../../../src/publishing/ports.js";
import { createPostgresLessonVersionStore, openPostgres } from "../../../src/storage/postgres/index.js";
import { createSqliteLessonVersionStore, openSqlite } from "../../../src/storage/sqlite/index.js";
import { postgresSchemas } from "../../fakes/postgres-schemas.js";

/**
 * Effective dates with an injected clock, and a second instance picking up a publish (issue 13), over real SQLite
 * and PostgreSQL. The build is a stand-in that records what it was given (the real index is covered elsewhere).
 */
interface Opened {
  store: LessonVersionStore;
  second(): Promise<LessonVersionStore>;
  close(): Promise<void>;
}

const postgres = postgresSchemas("live_knowledge_test");
const drivers: Array<{ name: string; skip?: string; open(): Promise<Opened> }> = [
  {
    name: "sqlite",
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "troly-live-"));
      const file = join(dir, "db.sqlite");
      const dbs = [openSqlite(file)];
      return {
        store: createSqliteLessonVersionStore(dbs[0]!),
        async second() {
          const db = openSqlite(file);
          dbs.push(db);
          return createSqliteLessonVersionStore(db);
        },
        async close() {
          for (const db of dbs) db.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "postgres",
    skip: postgres.skipReason,
    async open() {
      const url = await postgres.create();
      const pools = [await openPostgres(url)];
      return {
        store: createPostgresLessonVersionStore(pools[0]!),
        async second() {
          const pool = await openPostgres(url);
          pools.push(pool);
          return createPostgresLessonVersionStore(pool);
        },
        close: async () => void (await Promise.all(pools.map((p) => p.end()))),
      };
    },
  },
];

function lessonText(id: string, frontMatter = "", sectionMarkers = ""): string {
  const quiz = [1, 2, 3, 4, 5].map((i) => `  - question: Câu ${i}?\n    options: [A, B, C]\n    answer: 0\n    explanation: Vì A.`).join("\n");
  return `---\nid: ${id}\ntitle: Bài ${id}\ntopic: dvc\naudience: [citizen]\nskill:\n  framework: "3139"\n  area: Giao tiếp\n  code_confirmed: false\nsources:\n  - url: https://dichvucong.gov.vn\n    title: Cổng Dịch vụ công\n    checked: 2026-11-20\nupdated: 2026-11-20${frontMatter}\nquiz:\n${quiz}\n---\n\nTóm tắt.\n\n## Thủ tục cũ\n\nCách làm cũ.\n${sectionMarkers}\n\n## Thủ tục chung\n\nPhần dùng chung.\n`;
}

const builds: Array<{ ids: string[]; sections: string[] }> = [];
function liveOver(store: LessonVersionStore, clock: { now: Date }) {
  return new LiveKnowledge({
    store,
    clock: () => clock.now,
    async build(lessons: Lesson[], signature: string) {
      builds.push({ ids: lessons.map((l) => l.id), sections: lessons.flatMap((l) => l.sections.map((s) => `${l.id}#${s.slug}`)) });
      return { lessons, version: signature };
    },
  });
}

const publish = (store: LessonVersionStore, lessonId: string, markdown: string) =>
  store.publish({ lessonId, markdown, author: "test", at: "2026-11-29T00:00:00.000Z", note: "publish", clearDraft: true });

afterEach(() => void builds.splice(0));

for (const driver of drivers) {
  describe.skipIf(Boolean(driver.skip))(`live knowledge (${driver.name})`, () => {
    it("serves a lesson from 00:00 Vietnam time of its effective_from and a section until 23:59 of its effective_until", async () => {
      const db = await driver.open();
      try {
        // 2026-12-31 16:59 UTC = 23:59 on 31/12 in Hà Nội.
        const clock = { now: new Date("2026-12-31T16:59:00Z") };
        await publish(db.store, "dvc-thu-tuc-moi", lessonText("dvc-thu-tuc-moi", "\neffective_from: 2027-01-01"));
        await publish(db.store, "dvc-thu-tuc", lessonText("dvc-thu-tuc", "", "<!-- effective_until: 2026-12-31 -->"));
        const live = liveOver(db.store, clock);
        const first = await live.load();
        expect(first.lessons.map((l) => l.id)).toEqual(["dvc-thu-tuc"]);
        expect(builds.at(-1)?.sections).toEqual(["dvc-thu-tuc#thu-tuc-cu", "dvc-thu-tuc#thu-tuc-chung"]);
        expect(live.nextChange()?.toISOString()).toBe("2026-12-31T17:00:00.000Z");

        clock.now = new Date("2026-12-31T17:00:00Z");
        await live.refresh();
        expect(live.current().lessons.map((l) => l.id).sort()).toEqual(["dvc-thu-tuc", "dvc-thu-tuc-moi"]);
        expect(builds.at(-1)?.sections).not.toContain("dvc-thu-tuc#thu-tuc-cu");
        expect(builds.at(-1)?.sections).toContain("dvc-thu-tuc#thu-tuc-chung");

        const count = builds.length;
        await live.refresh();
        expect(builds.length).toBe(count); // nothing changed: no rebuild
      } finally {
        await db.close();
      }
    });

    it("a second instance picks up a publish and a retirement made through the first", async () => {
      const db = await driver.open();
      try {
        const clock = { now: new Date("2026-11-29T03:00:00Z") };
        await publish(db.store, "dvc-a", lessonText("dvc-a"));
        const other = liveOver(await db.second(), clock);
        await other.load();
        expect(other.current().lessons.map((l) => l.id)).toEqual(["dvc-a"]);

        await publish(db.store, "dvc-b", lessonText("dvc-b"));
        await other.refresh();
        expect(other.current().lessons.map((l) => l.id)).toEqual(["dvc-a", "dvc-b"]);
        await db.store.retire("dvc-a", "2026-11-29T03:01:00.000Z");
        await other.refresh();
        expect(other.current().lessons.map((l) => l.id)).toEqual(["dvc-b"]);
      } finally {
        await db.close();
      }
    });

    it("coalesces refreshes that arrive during a build and keeps serving the old snapshot until the new one is complete", async () => {
      const db = await driver.open();
      try {
        const clock = { now: new Date("2026-11-29T03:00:00Z") };
        await publish(db.store, "dvc-a", lessonText("dvc-a"));
        const live = liveOver(db.store, clock);
        const old = await live.load();
        await publish(db.store, "dvc-b", lessonText("dvc-b"));
        const refreshes = [live.refresh(), live.refresh(), live.refresh()];
        expect(live.current()).toBe(old);
        await Promise.all(refreshes);
        expect(live.current().lessons.map((l) => l.id)).toEqual(["dvc-a", "dvc-b"]);
        expect(builds.length).toBeLessThanOrEqual(3);
      } finally {
        await db.close();
      }
    });
  });
}
