"use client";

import { formatDateTime } from "@/components/status/format-time";
import type { TimeFormValues } from "@/lib/console/status-form";
import { UNTIL_PRESETS, untilForPreset } from "@/lib/domain/time-presets";

export interface TimeFieldsProps {
  /** Prefix for ids and radio names, so two forms on a page never clash. */
  idPrefix: string;
  values: TimeFormValues;
  errors: { from: string | null; until: string | null };
  now: number;
  onChange(patch: Partial<TimeFormValues>): void;
}

/** "Starts now or later" and "Ends" with the UK-time presets, shared by the status and notice forms. */
export function TimeFields({ idPrefix, values, errors, now, onChange }: TimeFieldsProps) {
  return (
    <>
      <div className={`field${errors.from ? " field--error" : ""}`} id={`${idPrefix}-from-field`}>
        <fieldset aria-describedby={errors.from ? `${idPrefix}-from-error` : undefined}>
          <legend>Starts</legend>
          {errors.from ? (
            <span className="field-error" id={`${idPrefix}-from-error`}>
              {errors.from}
            </span>
          ) : null}
          <div className="choices choices--inline">
            <label className="choice">
              <input type="radio" name={`${idPrefix}-starts`} checked={!values.startsLater} onChange={() => onChange({ startsLater: false })} /> Now
            </label>
            <label className="choice">
              <input type="radio" name={`${idPrefix}-starts`} checked={values.startsLater} onChange={() => onChange({ startsLater: true })} /> Later (scheduled)
            </label>
          </div>
          {values.startsLater ? (
            <div className="field">
              <label htmlFor={`${idPrefix}-from`}>Start at (UK time)</label>
              <input id={`${idPrefix}-from`} type="datetime-local" value={values.fromInput} onChange={(e) => onChange({ fromInput: e.target.value })} />
            </div>
          ) : null}
        </fieldset>
      </div>
      <div className={`field${errors.until ? " field--error" : ""}`} id={`${idPrefix}-until-field`}>
        <fieldset aria-describedby={errors.until ? `${idPrefix}-until-error` : undefined}>
          <legend>Ends</legend>
          {errors.until ? (
            <span className="field-error" id={`${idPrefix}-until-error`}>
              {errors.until}
            </span>
          ) : null}
          <div className="choices">
            {UNTIL_PRESETS.map((preset) => {
              const at = untilForPreset(preset.id, now);
              return (
                <label className="choice" key={preset.id}>
                  <input type="radio" name={`${idPrefix}-until`} value={preset.id} checked={values.untilPreset === preset.id} onChange={() => onChange({ untilPreset: preset.id })} />
                  {preset.label}
                  {at !== null ? <span className="muted"> ({formatDateTime(new Date(at))})</span> : null}
                </label>
              );
            })}
          </div>
          {values.untilPreset === "custom" ? (
            <div className="field">
              <label htmlFor={`${idPrefix}-until`}>End at (UK time)</label>
              <input id={`${idPrefix}-until`} type="datetime-local" value={values.untilInput} onChange={(e) => onChange({ untilInput: e.target.value })} />
            </div>
          ) : null}
        </fieldset>
      </div>
    </>
  );
}
