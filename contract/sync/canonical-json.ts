// A canonical encoding for hashing: JSON with object keys sorted (recursively), no whitespace, and
// undefined members left out, so the same event hashes the same at the site and at the central
// whatever order its fields were built in. Numbers must be finite; anything JSON cannot carry exactly
// (bigint, functions, NaN) is refused rather than silently changed.
// Every pushed event is encoded here once at the site and once at the central, so it is written as
// plain loops that build one string (no intermediate arrays of entries).
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          out += (i === 0 ? '' : ',') + (item === undefined ? 'null' : canonicalJson(item));
        }
        return out + ']';
      }
      const object = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units: the same order at every site and at the central.
      const keys = Object.keys(object).sort();
      let out = '{';
      for (const key of keys) {
        const member = object[key];
        if (member === undefined) continue;
        out += (out.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(member);
      }
      return out + '}';
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}
