import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

/** The ids of the categories that have at least one published article (one query, on the link table). */
export async function topicsInUse(strapi: Core.Strapi): Promise<number[]> {
  const { tableName: articles, attributes } = strapi.db.metadata.get(ARTICLE);
  const { joinTable } = attributes.category as unknown as {
    joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
  };
  const rows: Array<{ id: number }> = await strapi.db
    .connection(joinTable.name)
    .distinct({ id: `${joinTable.name}.${joinTable.inverseJoinColumn.name}` })
    .join(articles, `${articles}.id`, `${joinTable.name}.${joinTable.joinColumn.name}`)
    .whereNotNull(`${articles}.published_at`);
  return rows.map((row) => Number(row.id));
}
