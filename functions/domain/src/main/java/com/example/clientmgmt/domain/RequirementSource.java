package com.example.clientmgmt.domain;

/**
 * Where a project's requirement comes from: typed by an ADMIN (MANUAL), copied from one of the organization's templates
 * (TEMPLATE), or following from the project's admin info (RULE: see {@link PublicContractRule}; never stored).
 */
public enum RequirementSource { MANUAL, TEMPLATE, RULE }
