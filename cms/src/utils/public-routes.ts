/** Route config that puts the query guard in front of a content type's public read routes. */
export function guardedReads(uid: string, actions: string[] = ['find', 'findOne']) {
  const middlewares = [{ name: 'global::query-guard', config: { uid } }];
  return Object.fromEntries(actions.map((action) => [action, { middlewares }]));
}
