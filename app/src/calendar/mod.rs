//! Time computations with no knowledge of listings: recurring schedules
//! (RRULE, exceptions, called-off dates, in a city's time zone) and the
//! index of their occurrences that event listings read.
pub mod occurrences;
pub mod recurrence;
