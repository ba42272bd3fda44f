package com.example.clientmgmt.domain;

/**
 * Who the client is, for the public-contract rules: a PUBLIC body (municipality, school service centre, ministry, one of
 * their agencies) or anyone else (PRIVATE, the default). See {@link PublicContractRule}.
 */
public enum ClientType { PUBLIC, PRIVATE }
