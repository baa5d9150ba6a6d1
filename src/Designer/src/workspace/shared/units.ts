import { useAuth } from '../../app/auth';
import { useAsync } from '../../app/useAsync';
import { units, type UnitDto } from '../api';

export interface UnitNode {
  value: string;
  title: string;
  children: UnitNode[];
}

/** The units the user sees as a tree (TreeSelect data); the list comes sorted by depth, parents first. */
export function toTree(list: UnitDto[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  const roots: UnitNode[] = [];
  for (const unit of list) nodes.set(unit.id, { value: unit.id, title: unit.name, children: [] });
  for (const unit of list) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

let cached: { user: string; list: Promise<UnitDto[]> } | null = null;

/** The unit tree the user sees, read once per user and page load (units change rarely; a reload shows a new one). */
export function useUnitTree(): UnitNode[] {
  const user = useAuth().me?.name ?? '';
  const result = useAsync(() => {
    if (cached?.user !== user) {
      const list = units.list().catch((e) => {
        cached = null;
        throw e;
      });
      cached = { user, list };
    }
    return cached.list;
  }, [user]);
  return result.data ? toTree(result.data) : [];
}
