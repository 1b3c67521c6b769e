import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { abbreviate } from "../../../src/evaluation/abbreviate.js";
import { loadFieldSet, parseFieldItems, PHRASINGS, stripDiacritics } from "../../../src/evaluation/field-set.js";

// Hand-made items in the field-set format (never taken from tests/eval).
const inScope = {
  id: "dvc-x1",
  topic: "dvc",
  source: "https://example.gov.vn/hoi-dap/1",
  accented: "  Làm lại thẻ căn cước bị mất thì mất bao nhiêu tiền vậy?  ",
  must: [["70.000 đồng", "70 nghìn"]],
  mustNot: ["miễn phí"],
};
const outOfScope = { id: "oos-x1", topic: "out_of_scope", category: "weather", accented: "Mai trời có mưa không?", must: [] };

describe("field set items", () => {
  it("has three phrasings: accented, plain and abbreviated", () => {
    expect(PHRASINGS).toEqual(["accented", "plain", "abbrev"]);
  });

  it("fills the plain and abbreviated phrasings when they are not written by hand", () => {
    const { items, problems } = parseFieldItems([inScope], "pool.json");
    expect(problems).toEqual([]);
    expect(items[0]).toEqual({
      id: "dvc-x1",
      topic: "dvc",
      source: "https://example.gov.vn/hoi-dap/1",
      accented: "Làm lại thẻ căn cước bị mất thì mất bao nhiêu tiền vậy?",
      plain: "Lam lai the can cuoc bi mat thi mat bao nhieu tien vay?",
      abbrev: abbreviate("Làm lại thẻ căn cước bị mất thì mất bao nhiêu tiền vậy?"),
      must: [["70.000 đồng", "70 nghìn"]],
      mustNot: ["miễn phí"],
      outOfScope: false,
    });
  });

  it("keeps hand-typed phrasings, and marks out-of-scope items by topic with their category", () => {
    const { items } = parseFieldItems([{ ...inScope, plain: "lam lai cccd bi mat het bao nhieu", abbrev: "lm lai cccd mat bn tien" }, outOfScope], "pool.json");
    expect(items[0]?.plain).toBe("lam lai cccd bi mat het bao nhieu");
    expect(items[0]?.abbrev).toBe("lm lai cccd mat bn tien");
    expect(items[1]).toMatchObject({ id: "oos-x1", outOfScope: true, category: "weather", must: [], mustNot: [] });
  });

  it("names the broken item and the problem, and keeps the good ones", () => {
    const { items, problems } = parseFieldItems(
      [
        inScope,
        { topic: "dvc", accented: "?", must: [["a"]] },
        { id: "no-question", topic: "dvc", must: [["a"]] },
        { id: "no-topic", accented: "Hỏi gì?", must: [["a"]] },
        { id: "empty-group", topic: "dvc", accented: "Hỏi gì?", must: [[]] },
        { id: "no-groups", topic: "dvc", accented: "Hỏi gì?", must: [] },
        { id: "bad-must-not", topic: "dvc", accented: "Hỏi gì?", must: [["a"]], mustNot: "x" },
      ],
      "pool/dvc.json",
    );
    expect(items.map((i) => i.id)).toEqual(["dvc-x1"]);
    expect(problems).toEqual([
      "pool/dvc.json[1]: missing id",
      "pool/dvc.json[2] (no-question): missing the accented question",
      "pool/dvc.json[3] (no-topic): missing topic",
      "pool/dvc.json[4] (empty-group): must is not a list of non-empty phrase groups",
      "pool/dvc.json[5] (no-groups): an in-scope item needs at least one must group",
      "pool/dvc.json[6] (bad-must-not): mustNot is not a list of phrases",
    ]);
    expect(parseFieldItems({ not: "an array" }, "x.json").problems).toEqual(["x.json: not a JSON array"]);
  });

  it("strips diacritics only: đ becomes d, case and punctuation stay", () => {
    expect(stripDiacritics("Đăng ký ĐỊNH DANH, được không?")).toBe("Dang ky DINH DANH, duoc khong?");
    expect(stripDiacritics("Ả".normalize("NFD"))).toBe("A");
  });

  it("loads a JSON file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "field-")), "pool.json");
    writeFileSync(file, JSON.stringify([inScope, outOfScope]));
    const { items, problems } = loadFieldSet(file);
    expect(problems).toEqual([]);
    expect(items.map((i) => i.id)).toEqual(["dvc-x1", "oos-x1"]);
  });
});
