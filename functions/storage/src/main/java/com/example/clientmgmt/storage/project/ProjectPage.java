package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Project;

import java.util.Optional;

/** A page of a project's children (history entries, documents) with the project, for the permission check. */
public record ProjectPage<T>(Optional<Project> project, Page<T> page) {}
