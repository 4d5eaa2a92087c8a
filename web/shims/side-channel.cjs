// A stand-in for the `side-channel` package, which `qs` uses only to detect cyclic objects while
// serialising query parameters. A Map does that job; the real package pulls in about 10 kB gzip of
// ES-spec helpers (get-intrinsic, object-inspect) that every reader would otherwise download.
// It implements the part of the API qs calls: get, set, has, delete, assert.
module.exports = function getSideChannel() {
  const map = new Map();
  return {
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
    has: (key) => map.has(key),
    delete: (key) => map.delete(key),
    assert: (key) => {
      if (!map.has(key)) throw new TypeError('Side channel does not contain the given key');
    },
  };
};
