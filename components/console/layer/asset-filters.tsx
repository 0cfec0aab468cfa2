"use client";

import type { AssetFilter, AttributeChoice } from "@/lib/console/asset-filter";
import { STATUS_VOCABULARY } from "@/lib/domain/status-codes";
import type { Layer } from "@/lib/domain/layers";

export interface AssetFiltersProps {
  layer: Layer;
  filter: AssetFilter;
  attributes: AttributeChoice[];
  onChange(filter: AssetFilter): void;
}

/** Search, status and attribute filters (ward, priority, phase…); the list updates as they change. */
export function AssetFilters({ layer, filter, attributes, onChange }: AssetFiltersProps) {
  const codes = Object.entries(STATUS_VOCABULARY[layer].codes) as [string, { label: string }][];
  const setAttribute = (key: string, value: string) => {
    const next = { ...filter.attributes };
    if (value) next[key] = value;
    else delete next[key];
    onChange({ ...filter, attributes: next });
  };
  return (
    <div role="search" aria-label="Filter the list" className="filters">
      <div className="field">
        <label htmlFor="filter-search">Search</label>
        <input id="filter-search" type="search" value={filter.search} onChange={(e) => onChange({ ...filter, search: e.target.value })} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={filter.code} onChange={(e) => onChange({ ...filter, code: e.target.value })}>
          <option value="">Any status</option>
          {codes.map(([code, { label }]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {attributes.map((attribute) => (
        <div className="field" key={attribute.key}>
          <label htmlFor={`filter-attr-${attribute.key}`}>{attribute.label}</label>
          <select id={`filter-attr-${attribute.key}`} value={filter.attributes[attribute.key] ?? ""} onChange={(e) => setAttribute(attribute.key, e.target.value)}>
            <option value="">Any</option>
            {attribute.values.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
