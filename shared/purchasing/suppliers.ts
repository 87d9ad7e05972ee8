// Suppliers (PRODUCT §3): who the seller buys from, in which currency, and how long production takes.
import type { Supplier } from '../model';
import { optionalText, parseCurrency, parseWholeNumber, requiredText } from '../catalog/fields';
import { parseNonNegativeDecimal } from './fields';

export interface SupplierDraft {
  name: string;
  contact: string;
  currency: string;
  productionDaysMean: string;
  productionDaysSd: string;
  moq: string;
  paymentTerms: string;
}

/**
 * Parses the supplier form. The production mean is required (planning needs it); an empty
 * standard deviation or MOQ means 0 ("none").
 */
export function parseSupplierDraft(draft: SupplierDraft): Omit<Supplier, 'id' | 'archived'> {
  return {
    name: requiredText('name', draft.name, 120),
    contact: optionalText('contact', draft.contact, 200),
    currency: parseCurrency('currency', draft.currency),
    productionDaysMean: parseNonNegativeDecimal('productionDaysMean', draft.productionDaysMean),
    productionDaysSd: parseNonNegativeDecimal('productionDaysSd', draft.productionDaysSd, 0),
    moq: draft.moq.trim() === '' ? 0 : parseWholeNumber('moq', draft.moq, 0),
    paymentTerms: optionalText('paymentTerms', draft.paymentTerms, 200),
  };
}
