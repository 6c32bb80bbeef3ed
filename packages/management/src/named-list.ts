/** An item a NamedList can find: anything with a name and/or an id. */
export interface Named {
  readonly name?: string | undefined;
  readonly id?: string | undefined;
}

/**
 * An array of API objects that can also be looked up by name or id (name first), like the
 * Python SDK's NamedList. Array methods such as `map` and `filter` return plain arrays.
 */
export class NamedList<Item extends Named> extends Array<Item> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** Builds a NamedList from any iterable. */
  static fromItems<Item extends Named>(items: Iterable<Item>): NamedList<Item> {
    const list = new NamedList<Item>();
    for (const item of items) list.push(item);
    return list;
  }

  /** The item whose name, else whose id, equals `nameOrId`; undefined when none does. */
  get(nameOrId: string): Item | undefined {
    return this.find((item) => item.name === nameOrId) ?? this.find((item) => item.id === nameOrId);
  }

  /** Like `get`, but throws a RangeError naming the key when nothing matches. */
  getOrThrow(nameOrId: string): Item {
    const item = this.get(nameOrId);
    if (item === undefined)
      throw new RangeError(`no item named or with id ${JSON.stringify(nameOrId)}`);
    return item;
  }

  /** The names of the items, in order. */
  names(): (string | undefined)[] {
    return this.map((item) => item.name);
  }

  /** The ids of the items, in order. */
  ids(): (string | undefined)[] {
    return this.map((item) => item.id);
  }
}
