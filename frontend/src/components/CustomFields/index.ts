export { CustomFieldInputs } from "./CustomFieldInputs";
export { CustomFieldValues } from "./CustomFieldValues";
export { customFieldColumns } from "./columns";
export { customFieldsKey, customFieldsQuery, useCustomFieldDefs } from "./definitions";
export {
  customFieldsForCreate,
  customFieldsPatch,
  customFieldsPatchBody,
  customFieldsToForm,
  formatCustomValue,
  type CustomApiValues,
  type CustomFormValue,
  type CustomFormValues,
} from "./model";
export { conflictFormat, customFieldErrors, customFieldsSummary } from "./form-errors";
export { displayWords, useDisplayWords } from "./useDisplayWords";
