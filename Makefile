# sam build (BuildMethod: makefile): builds one function's Lambda jar with Maven and unpacks it into
# SAM's artifacts directory. Each target is build-<LogicalId> of template.yaml.
MVN = mvn -B -q -DskipTests

define lambda
	$(MVN) -pl functions/$(1) -am package
	cd $(ARTIFACTS_DIR) && unzip -q -o $(CURDIR)/functions/$(1)/target/$(1)-*-lambda.jar
endef

build-ProjectsFunction:
	$(call lambda,projects)

build-ContactsFunction:
	$(call lambda,contacts)

build-DocumentsFunction:
	$(call lambda,documents)

build-UploadEventsFunction:
	$(call lambda,uploads)

build-UploadReconcileFunction:
	$(call lambda,uploads)

build-NotificationsFunction:
	$(call lambda,notifications)

build-ReminderFunction:
	$(call lambda,reminders)

build-ReminderWorkerFunction:
	$(call lambda,reminders)

build-MailerFunction:
	$(call lambda,mailer)

build-PreTokenFunction:
	$(call lambda,login)
