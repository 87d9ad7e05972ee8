// The planning math of PRODUCT §4 and §6: the one entry point other modules import. Keep these
// signatures stable; add, do not change.
export { zForServiceLevel } from './normal';
export { economicOrderQuantity, reorderPoint, safetyStock } from './stockPolicy';
export type { EconomicOrderQuantityInput, SafetyStockInput } from './stockPolicy';
export { abcClassIndexes, abcClassify, DEFAULT_ABC_CUTOFFS, inventoryTurnover, sellThrough } from './analysis';
export type { AbcClass, AbcCutoffs, AbcItem, InventoryTurnoverInput, SellThroughInput } from './analysis';
export { croston, crostonFactor, dampedTrendSum, holt, holtWinters, movingAverage, ses, tsb } from './smoothing';
export type { CrostonVariant, HoltFit, HoltWintersFit } from './smoothing';
export { mase, naiveMeanAbsoluteError, wape } from './accuracy';
export { backtestForecast, backtestSelect, FORECAST_METHODS, FORECAST_PARAMETERS, forecastPath } from './backtest';
export type { BacktestOptions, BacktestResult, ForecastMethod, MethodScore } from './backtest';
export { classOfPattern, DEMAND_CLASS_CANDIDATES, demandClass, demandPattern, ERRATIC_DEMAND_CV2, INTERMITTENT_DEMAND_INTERVAL } from './demandClass';
export type { DemandClass, DemandPattern } from './demandClass';
export { stockoutDaysFromSummary } from './stockouts';
export type { SummaryTarget } from './stockouts';
