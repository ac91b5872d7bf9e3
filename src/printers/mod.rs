//! Pure printers: typed objects and results in, kubectl's exact text out (tables with `-o wide`,
//! yaml, json, name, jsonpath, custom-columns, describe, human durations).

pub mod columns;
pub mod custom_columns;
pub mod describe;
pub mod duration;
pub mod json;
pub mod jsonpath;
pub mod table;
pub mod tabwriter;
pub mod yaml;
