import {
  ariaDescribedByIds,
  englishStringTranslator,
  errorId,
  getInputProps,
  getUiOptions,
  TranslatableString,
  type DescriptionFieldProps,
  type FieldErrorProps,
  type FieldTemplateProps,
  type ObjectFieldTemplateProps,
  type RJSFValidationError,
  type TitleFieldProps,
  type WidgetProps,
} from '@rjsf/utils';
import type { FormProps } from '@rjsf/core';
import type { ChangeEvent, FocusEvent } from 'react';
import type { TFunction } from 'i18next';

/**
 * The app's own react-jsonschema-form theme: one `.field` per input with
 * its label, hint and errors; radio and checkbox groups as a fieldset with a
 * legend, so screen readers say what the choice is about.
 */
function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, uiSchema, schema, rawErrors, classNames } = props;
  if (hidden) return <div className="hidden">{children}</div>;
  const widget = getUiOptions(uiSchema).widget;
  const isGroup = widget === 'radio' || widget === 'checkboxes' || (widget === 'lookup' && schema.type === 'array') || (schema.type === 'array' && typeof schema.items === 'object' && 'enum' in (schema.items as object) && widget !== 'select');
  const invalid = (rawErrors?.length ?? 0) > 0;
  const cls = `field ${invalid ? 'field-invalid' : ''} ${classNames ?? ''}`;
  const mark = required ? (
    <span className="req" aria-hidden="true">
      *
    </span>
  ) : null;
  if (schema.type === 'object' || !displayLabel) {
    return (
      <div className={cls}>
        {children}
        {errors}
        {help}
      </div>
    );
  }
  if (isGroup || widget === 'checkbox') {
    return (
      <fieldset className={`${cls} field-group`}>
        <legend>
          {label}
          {mark}
        </legend>
        {description}
        {children}
        {errors}
        {help}
      </fieldset>
    );
  }
  return (
    <div className={cls}>
      <label htmlFor={id}>
        {label}
        {mark}
      </label>
      {description}
      {children}
      {errors}
      {help}
    </div>
  );
}

function BaseInputTemplate(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, schema, type, rawErrors, required, placeholder } = props;
  const inputProps = getInputProps(schema, type, options);
  const inputValue = inputProps.type === 'number' || inputProps.type === 'integer' ? (value || value === 0 ? value : '') : (value ?? '');
  return (
    <input
      id={id}
      name={htmlName || id}
      className="form-control"
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      required={required}
      placeholder={placeholder}
      value={inputValue}
      {...inputProps}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e: FocusEvent<HTMLInputElement>) => onBlur(id, e.target.value)}
      onFocus={(e: FocusEvent<HTMLInputElement>) => onFocus(id, e.target.value)}
      aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}

/**
 * One current error per field: the first of what the validator and the
 * server said. A list of every failed keyword (or of each photo slot) says
 * the same thing several times and pushes the form down.
 */
function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const first = errors.find(Boolean);
  if (!first) return null;
  return (
    <ul id={errorId(fieldPathId)} className="field-errors">
      <li>{first}</li>
    </ul>
  );
}

function ObjectFieldTemplate({ title, description, properties, fieldPathId }: ObjectFieldTemplateProps) {
  // The root object's title is the card heading the page already shows.
  const nested = fieldPathId.path.length > 0;
  return (
    <div className={nested ? 'form-group' : 'form-fields'} id={fieldPathId.$id}>
      {nested && title && <h3 className="form-group-title">{title}</h3>}
      {nested && description && <p className="field-hint">{typeof description === 'string' ? description : null}</p>}
      {properties.filter((p) => !p.hidden).map((p) => p.content)}
    </div>
  );
}

function TitleFieldTemplate({ id, title }: TitleFieldProps) {
  return (
    <h3 id={id} className="form-group-title">
      {title}
    </h3>
  );
}

function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <p id={id} className="field-hint">
      {description}
    </p>
  );
}

export const templates: FormProps['templates'] = {
  FieldTemplate,
  BaseInputTemplate,
  FieldErrorTemplate,
  ObjectFieldTemplate,
  TitleFieldTemplate,
  DescriptionFieldTemplate,
  // The page renders its own buttons as the form's children.
  ButtonTemplates: { SubmitButton: () => null },
};

/** RJSF's built-in strings (array buttons, yes/no) through i18next. */
export function makeTranslateString(t: TFunction) {
  return (str: TranslatableString, params?: string[]): string => {
    const key = `rjsf.${Object.entries(TranslatableString).find(([, v]) => v === str)?.[0] ?? ''}`;
    const translated = t(key, { defaultValue: '' });
    return translated || englishStringTranslator(str, params);
  };
}

/** ajv's English messages, said the way a person filling in the form needs them. */
export function makeTransformErrors(t: TFunction) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((e) => {
      const p = (e.params ?? {}) as Record<string, unknown>;
      const known: Record<string, string> = {
        required: t('validation.required'),
        minLength: t('validation.minLength', { count: Number(p.limit) }),
        maxLength: t('validation.maxLength', { count: Number(p.limit) }),
        minItems: t('validation.minItems', { count: Number(p.limit) }),
        maxItems: t('validation.maxItems', { count: Number(p.limit) }),
        minimum: t('validation.minimum', { limit: p.limit }),
        maximum: t('validation.maximum', { limit: p.limit }),
        pattern: t('validation.pattern'),
        format: t('validation.format'),
        enum: t('validation.enum'),
        type: t('validation.type'),
      };
      const message = known[e.name ?? ''];
      return message ? { ...e, message } : e;
    });
}
