import { describe, expect, it } from "vitest";
import { Bm25Index } from "../../../src/retrieval/bm25.js";
import { TermList } from "../../../src/retrieval/term-list.js";

describe("TermList (the index builder's compact analysed terms)", () => {
  const map = new Map([
    ["mật_khẩu", 2.5],
    ["otp", 1],
    ["mat_khau", 1.5],
  ]);
  const list = TermList.from(map);

  it("reads like the Map it came from, in the same order", () => {
    expect([...list]).toEqual([...map]);
    expect([...list.keys()]).toEqual([...map.keys()]);
    expect([...list.values()]).toEqual([...map.values()]);
    expect(list.size).toBe(3);
    expect(list.get("otp")).toBe(1);
    expect(list.get("không")).toBeUndefined();
    expect(list.has("mat_khau")).toBe(true);
    const seen: Array<[string, number]> = [];
    list.forEach((weight, term) => seen.push([term, weight]));
    expect(seen).toEqual([...map]);
  });

  it("shares one string per distinct term through the intern function", () => {
    const pool = new Map<string, string>();
    const intern = (t: string) => pool.get(t) ?? (pool.set(t, t), t);
    TermList.from(new Map([["otp", 1]]), intern);
    TermList.from(new Map([["otp", 2]]), intern);
    expect(pool.size).toBe(1);
  });

  it("gives Bm25Index the same index as Maps do", () => {
    const docs = [map, new Map([["otp", 3], ["vneid", 1]])];
    expect(Bm25Index.build(docs.map((d) => TermList.from(d))).toJSON()).toEqual(Bm25Index.build(docs).toJSON());
  });
});
