/** Every user-visible string of `<pat-generate-dialog>`; hosts override any of them via `strings`. */
export interface GenerateDialogStrings {
  dialogHeading: string;
}

export const defaultGenerateDialogStrings: GenerateDialogStrings = {
  dialogHeading: 'Generate new token',
};
