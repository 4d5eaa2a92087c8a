import { NavLink } from 'react-router-dom';
import { useCategories } from '@/features/categories/api/get-categories';
import { paths } from '@/lib/paths';

/** The topics, as a row that scrolls sideways on narrow screens instead of wrapping into a tall block. */
export function CategoryNav() {
  const { data: categories, isPending } = useCategories();

  return (
    <nav className="category-nav" aria-label="Topics">
      <ul>
        <li>
          <NavLink to={paths.home} end>
            All articles
          </NavLink>
        </li>
        {isPending &&
          Array.from({ length: 4 }, (_, index) => (
            <li key={index} aria-hidden="true">
              <span className="skeleton skeleton--pill" />
            </li>
          ))}
        {categories?.map((category) => (
          <li key={category.documentId}>
            <NavLink to={paths.category(category.slug)}>{category.name}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
