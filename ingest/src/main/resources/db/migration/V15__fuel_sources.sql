-- Fuel by source, with reasons (issue 16): a daily figure may carry a detail object, the same on both engines
-- (analytics_daily is a plain table on TimescaleDB too). The fuel analytics store there, per generator-day, the
-- source the litres rest on, why, the 1-sigma uncertainty and what the other sources said; per tank-day
-- (figure fuel_residual_l) the tank's account: opening and closing level, refuels, thefts, leak, consumption by
-- the consumers' own sources, the residual and whether it lies within its uncertainty. Adding a nullable column
-- rewrites nothing.
ALTER TABLE analytics_daily ADD COLUMN detail jsonb;
COMMENT ON COLUMN analytics_daily.detail IS 'how the figure was made (e.g. fuel source, reason, uncertainty), or null';
