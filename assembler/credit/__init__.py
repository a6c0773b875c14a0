"""Credit arithmetic for families where a party lends or invests: pure functions of the term sheet, shared by
the rules, the clauses and the review pack so that all three print the same figures."""
