#include "FormRecordDialog.h"

#include "FormHistoryDialog.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/forms/FormStore.h"
#include "mdp/workbench/Language.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Watermark.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/Workspace.h"

#include <QAction>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mdp::forms::ui {

namespace {

const char *const StyleSheet = R"(
QLabel#recordStatus { border-radius: 11px; padding: 2px 12px; font-weight: 600; }
QLabel#recordStatus[status="draft"] { background: #eef1f4; color: #3e4c59; border: 1px solid #d5dce3; }
QLabel#recordStatus[status="pending"] { background: #fff6e5; color: #7a4b00; border: 1px solid #f1d49a; }
QLabel#recordStatus[status="rejected"] { background: #fdecec; color: #9b1c1c; border: 1px solid #f3c1c1; }
QLabel#recordStatus[status="approved"] { background: #e9f6ec; color: #1d5e2c; border: 1px solid #b9dfc2; }
QLabel#recordStatus[status="new"] { background: #eaf3fb; color: #14456f; border: 1px solid #c3dcf1; }
QLabel#recordFormal { color: #5f6b7a; }
)";

} // namespace

FormRecordDialog::FormRecordDialog(workbench::SessionContext &context, const QUuid &recordId, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_actor(context.session().accountId)
    , m_language(workbench::Language::current())
{
    build();
    auto record = m_context.workspace().forms().record(m_actor, recordId);
    if (!record) {
        showError(record.error());
        updateState();
        return;
    }
    m_record = record.value();
    if (!loadDefinition(m_record->formId, m_record->formVersion)) {
        updateState();
        return;
    }
    showRecord();
}

FormRecordDialog::FormRecordDialog(workbench::SessionContext &context, const forms::NewRecord &record,
                                   QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_actor(context.session().accountId)
    , m_language(workbench::Language::current())
    , m_new(record)
{
    build();
    if (!loadDefinition(record.formId, record.formVersion)) {
        updateState();
        return;
    }
    m_new.formVersion = m_definition->version;
    m_view->setValues(record.values);
    showRecord();
}

FormRecordDialog::~FormRecordDialog() = default;

void FormRecordDialog::build()
{
    setObjectName(QStringLiteral("formRecordDialog"));
    setStyleSheet(QString::fromLatin1(StyleSheet));
    setWindowTitle(tr("Form record"));
    resize(1060, 820);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 16);
    layout->setSpacing(10);

    auto *heading = new QHBoxLayout;
    heading->setSpacing(12);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    m_title = workbench::makeLabel(QString(), QStringLiteral("pageTitle"), this);
    m_title->setStyleSheet(QStringLiteral("font-size: 15pt;"));
    m_subtitle = workbench::makeLabel(QString(), QStringLiteral("pageSubtitle"), this);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    heading->addLayout(titles, 1);
    auto *state = new QVBoxLayout;
    state->setSpacing(4);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("recordStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    m_formal = new QLabel(this);
    m_formal->setObjectName(QStringLiteral("recordFormal"));
    m_formal->setAlignment(Qt::AlignRight);
    state->addWidget(m_status, 0, Qt::AlignRight);
    state->addWidget(m_formal, 0, Qt::AlignRight);
    heading->addLayout(state);
    layout->addLayout(heading);

    m_banner = workbench::makeMessageLabel(this);
    m_banner->setObjectName(QStringLiteral("recordBanner"));
    layout->addWidget(m_banner);
    m_message = workbench::makeMessageLabel(this);
    m_message->setObjectName(QStringLiteral("recordMessage"));
    layout->addWidget(m_message);

    m_view = new forms::ui::FormView(this);
    m_view->setObjectName(QStringLiteral("recordFormView"));
    m_view->setToday(m_context.workspace().clock().now().toLocalTime().date());
    layout->addWidget(m_view, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    auto make = [this](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        // Enter in a field must not press a button of the dialog.
        b->setAutoDefault(false);
        b->setDefault(false);
        return b;
    };
    m_history = make(tr("History…"), QStringLiteral("historyButton"),
                     tr("Every version with who, when and why, and what changed"));
    m_withdraw = make(tr("Withdraw"), QStringLiteral("withdrawButton"),
                      tr("Take the submission back before a reviewer acts; it becomes your draft again"));
    m_amend = make(tr("Amend…"), QStringLiteral("amendButton"),
                   tr("Start an amendment of the approved record; the formal version stays in force until "
                      "the amendment is approved"));
    m_reload = make(tr("Reload"), QStringLiteral("reloadButton"), tr("Show the record as it is stored now"));
    m_reload->hide();
    m_close = make(tr("Close"), QStringLiteral("closeButton"), QString());
    m_save = make(tr("Save draft"), QStringLiteral("saveDraftButton"),
                  tr("Save what is entered; only you see a draft (Ctrl+S)"));
    m_submit = make(tr("Submit for review"), QStringLiteral("submitButton"),
                    tr("Check every rule and send the record to a reviewer (Ctrl+Enter)"));
    m_submit->setProperty("accent", true);
    buttons->addWidget(m_history);
    buttons->addWidget(m_withdraw);
    buttons->addWidget(m_amend);
    buttons->addWidget(m_reload);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    buttons->addWidget(m_save);
    buttons->addWidget(m_submit);
    layout->addLayout(buttons);

    auto *saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    addAction(saveAction);
    auto *submitAction = new QAction(this);
    submitAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    addAction(submitAction);
    connect(saveAction, &QAction::triggered, this, [this] {
        if (m_save->isVisible() && m_save->isEnabled())
            saveDraft();
    });
    connect(submitAction, &QAction::triggered, this, [this] {
        if (m_submit->isVisible() && m_submit->isEnabled())
            submit();
    });
    connect(m_save, &QPushButton::clicked, this, [this] { saveDraft(); });
    connect(m_submit, &QPushButton::clicked, this, [this] { submit(); });
    connect(m_withdraw, &QPushButton::clicked, this, [this] { withdraw(); });
    connect(m_amend, &QPushButton::clicked, this, &FormRecordDialog::amendFromDialog);
    connect(m_history, &QPushButton::clicked, this, &FormRecordDialog::showHistory);
    connect(m_reload, &QPushButton::clicked, this, [this] { reload(); });
    connect(m_close, &QPushButton::clicked, this, &FormRecordDialog::reject);
    connect(m_view, &forms::ui::FormView::valuesChanged, this,
            [this] { m_save->setEnabled(m_editable && (isDirty() || !m_record)); });
    workbench::watermarkIfObliged(m_context, this);
}

bool FormRecordDialog::loadDefinition(const QString &formId, int version)
{
    auto definition = m_context.workspace().forms().definition(formId, version);
    if (!definition) {
        showError(definition.error());
        return false;
    }
    m_definition = definition.value();
    m_view->setDefinition(*m_definition, m_language);
    m_title->setText(m_definition->title.text(m_language));
    setWindowTitle(m_definition->title.text(m_language));
    return true;
}

bool FormRecordDialog::mayEnter() const
{
    const QStringList &roles = m_context.session().roles;
    return roles.contains(QStringLiteral("clinician")) || roles.contains(QStringLiteral("data-manager")) ||
           m_context.session().role == QStringLiteral("clinician") ||
           m_context.session().role == QStringLiteral("data-manager");
}

QString FormRecordDialog::userName(const QString &accountId)
{
    if (m_userNames.isEmpty()) {
        if (auto accounts = m_context.workspace().accounts().list()) {
            for (const accounts::Account &account : accounts.value())
                m_userNames.insert(account.idString(), account.displayName);
        }
    }
    return m_userNames.value(accountId, accountId);
}

void FormRecordDialog::showRecord()
{
    if (m_record) {
        m_view->setValues(m_record->values);
        // A record that was refused or is waiting shows its full check, required fields included.
        m_view->setValidationMode(m_record->status == forms::RecordStatus::Draft
                                      ? forms::Validator::Mode::Draft
                                      : forms::Validator::Mode::Submit);
    }
    updateState();
}

bool FormRecordDialog::isDirty() const
{
    if (!m_definition || !m_view->hasDefinition())
        return false;
    if (!m_record)
        return !m_view->values().isEmpty();
    return m_view->values() != m_record->values;
}

void FormRecordDialog::updateState()
{
    using forms::RecordStatus;
    const QString pseudonym = m_record ? m_record->patientPseudonym : m_new.patientPseudonym;
    QStringList subtitle;
    if (!pseudonym.isEmpty())
        subtitle << tr("Patient %1").arg(pseudonym);
    if (m_definition)
        subtitle << tr("%1, version %2").arg(m_definition->id).arg(m_definition->version);
    if (m_record)
        subtitle << tr("created by %1").arg(userName(m_record->creatorId));
    m_subtitle->setText(subtitle.join(QStringLiteral("  ·  ")));

    QString status = QStringLiteral("new");
    QString statusText = tr("New record");
    if (m_record) {
        status = forms::recordStatusId(m_record->status);
        statusText = FormHistoryDialog::statusName(m_record->status);
    }
    m_status->setProperty("status", status);
    m_status->setText(statusText);
    workbench::repolish(m_status);
    m_formal->setText(m_record && m_record->formalVersion > 0
                          ? tr("Formal version %1 in force").arg(m_record->formalVersion)
                          : tr("No formal version yet"));

    const bool loaded = m_definition.has_value();
    const bool enter = loaded && mayEnter();
    const bool mine = m_record && m_record->creatorId == m_actor;
    if (!m_record)
        m_editable = enter;
    else if (m_record->status == RecordStatus::Draft || m_record->status == RecordStatus::Rejected)
        m_editable = enter && mine;
    else
        m_editable = false;
    m_view->setReadOnly(!m_editable);

    m_save->setVisible(m_editable);
    m_submit->setVisible(m_editable);
    m_save->setEnabled(m_editable && (isDirty() || !m_record));
    m_withdraw->setVisible(m_record && m_record->status == RecordStatus::Pending &&
                           m_record->submitterId == m_actor);
    m_amend->setVisible(m_record && m_record->status == RecordStatus::Approved && enter);
    m_history->setVisible(m_record.has_value());

    if (!m_record) {
        workbench::showMessage(m_banner, workbench::Severity::None, {});
    } else if (m_record->status == RecordStatus::Rejected) {
        workbench::showMessage(
            m_banner, workbench::Severity::Warning,
            tr("Returned by the reviewer: %1\nCorrect the record and submit it again.")
                .arg(m_record->lastReason.isEmpty() ? tr("(no reason given)") : m_record->lastReason));
    } else if (m_record->status == RecordStatus::Pending) {
        workbench::showMessage(m_banner, workbench::Severity::Info,
                               m_record->reviewerId.isEmpty()
                                   ? tr("Waiting for review; the record cannot be changed meanwhile.")
                                   : tr("Waiting for review by %1; the record cannot be changed meanwhile.")
                                         .arg(userName(m_record->reviewerId)));
    } else if (m_record->status == RecordStatus::Approved) {
        workbench::showMessage(
            m_banner, workbench::Severity::Success,
            tr("Approved as formal version %1 and locked. Changes go through an amendment.")
                .arg(m_record->formalVersion));
    } else if (m_record->formalVersion > 0) {
        workbench::showMessage(m_banner, workbench::Severity::Info,
                               tr("Amendment of formal version %1 (%2). Version %1 stays in force until this "
                                  "amendment is approved.")
                                   .arg(m_record->formalVersion)
                                   .arg(m_record->lastReason));
    } else if (!mine) {
        workbench::showMessage(m_banner, workbench::Severity::Info,
                               tr("This draft belongs to %1.").arg(userName(m_record->creatorId)));
    } else {
        workbench::showMessage(m_banner, workbench::Severity::None, {});
    }
}

void FormRecordDialog::setAttachments(const QList<forms::ui::AttachmentChoice> &attachments)
{
    const QJsonObject values = m_view->values();
    m_view->setAttachments(attachments);
    m_view->setValues(values);
}

void FormRecordDialog::showMessage(int severity, const QString &text)
{
    workbench::showMessage(m_message, workbench::Severity(severity), text);
}

void FormRecordDialog::showError(const Error &error)
{
    switch (error.code) {
    case Error::Code::Conflict:
        showMessage(int(workbench::Severity::Error),
                    tr("Someone else changed this record after you opened it, so nothing was saved (%1). "
                       "Your entries are still in the form; Reload shows the stored version.")
                        .arg(error.message));
        m_reload->show();
        break;
    case Error::Code::PermissionDenied:
        showMessage(int(workbench::Severity::Error),
                    tr("Your account may not do this: %1").arg(error.message));
        break;
    case Error::Code::InvalidArgument:
        showMessage(int(workbench::Severity::Error), tr("The record was refused: %1").arg(error.message));
        break;
    case Error::Code::NotFound:
        showMessage(int(workbench::Severity::Error), tr("Not found: %1").arg(error.message));
        break;
    default:
        showMessage(int(workbench::Severity::Error), error.message);
        break;
    }
}

bool FormRecordDialog::applyResult(const Result<forms::FormRecord> &result, const QString &success)
{
    if (!result) {
        showError(result.error());
        if (result.error().code == Error::Code::InvalidArgument)
            m_view->validate(forms::Validator::Mode::Submit);
        updateState();
        return false;
    }
    const bool keepValues =
        m_record && m_record->status == result->status && m_view->values() == result->values;
    m_record = result.value();
    m_reload->hide();
    if (!keepValues)
        showRecord();
    else
        updateState();
    showMessage(int(workbench::Severity::Success), success);
    m_context.notifyChanged();
    Q_EMIT recordChanged(m_record->id);
    return true;
}

bool FormRecordDialog::saveDraft()
{
    if (!m_editable || !m_definition)
        return false;
    forms::FormStore &store = m_context.workspace().forms();
    const QJsonObject values = m_view->values();
    if (!m_record) {
        forms::NewRecord draft = m_new;
        draft.values = values;
        return applyResult(store.createDraft(m_actor, draft),
                           tr("Draft saved. Only you can see it until you submit it."));
    }
    return applyResult(store.saveDraft(m_actor, m_record->id, values, m_record->revision),
                       tr("Draft saved (revision %1). Only you can see it until you submit it.")
                           .arg(m_record->revision + 1));
}

bool FormRecordDialog::submit()
{
    if (!m_editable || !m_definition)
        return false;
    // Checked here first so every problem shows beside its field before anything is written.
    const forms::ValidationResult check = m_view->validate(forms::Validator::Mode::Submit);
    if (check.hasErrors()) {
        QStringList names;
        for (const QString &path : check.failingFields())
            names << m_view->fieldLabel(path);
        for (const forms::ValidationIssue &issue : check.issues) {
            if (issue.severity == forms::RuleSeverity::Error && issue.fieldPath.isEmpty())
                names << issue.message.text(m_language);
        }
        showMessage(int(workbench::Severity::Error),
                    tr("Not submitted: %n field(s) need correcting: %1", nullptr, int(names.size()))
                        .arg(names.join(QStringLiteral(", "))));
        if (!check.failingFields().isEmpty())
            m_view->scrollToField(check.failingFields().constFirst());
        return false;
    }
    if (!m_record || isDirty()) {
        if (!saveDraft())
            return false;
    }
    auto submitted = m_context.workspace().forms().submit(m_actor, m_record->id, m_record->revision);
    if (!submitted) {
        showError(submitted.error());
        if (submitted.error().code == Error::Code::InvalidArgument)
            m_view->validate(forms::Validator::Mode::Submit);
        return false;
    }
    return applyResult(submitted,
                       submitted->reviewerId.isEmpty()
                           ? tr("Submitted for review.")
                           : tr("Submitted for review by %1.").arg(userName(submitted->reviewerId)));
}

bool FormRecordDialog::withdraw()
{
    if (!m_record || m_record->status != forms::RecordStatus::Pending)
        return false;
    return applyResult(m_context.workspace().forms().withdraw(m_actor, m_record->id, m_record->revision),
                       tr("The submission was withdrawn; the record is your draft again."));
}

bool FormRecordDialog::amend(const QString &reason)
{
    if (!m_record || m_record->status != forms::RecordStatus::Approved)
        return false;
    if (reason.trimmed().isEmpty()) {
        showMessage(int(workbench::Severity::Error), tr("An amendment needs a reason."));
        return false;
    }
    return applyResult(
        m_context.workspace().forms().amend(m_actor, m_record->id, m_record->revision, reason.trimmed()),
        tr("Amendment started. Formal version %1 stays in force until the amendment is approved.")
            .arg(m_record->formalVersion));
}

void FormRecordDialog::amendFromDialog()
{
    bool ok = false;
    const QString reason = QInputDialog::getMultiLineText(
        this, tr("Amend record"),
        tr("Why does the approved record need to change? The reason is kept with it."), QString(), &ok);
    if (ok)
        amend(reason);
}

void FormRecordDialog::showHistory()
{
    if (!m_record || !m_definition)
        return;
    auto history = m_context.workspace().forms().history(m_actor, m_record->id);
    if (!history) {
        showError(history.error());
        return;
    }
    QHash<QString, QString> names;
    for (const forms::RecordVersion &v : history.value())
        names.insert(v.actorId, userName(v.actorId));
    FormHistoryDialog dialog(*m_definition, history.value(), names, m_language, this);
    dialog.exec();
}

bool FormRecordDialog::reload()
{
    if (!m_record)
        return false;
    auto record = m_context.workspace().forms().record(m_actor, m_record->id);
    if (!record) {
        showError(record.error());
        return false;
    }
    m_record = record.value();
    m_reload->hide();
    showMessage(int(workbench::Severity::None), {});
    showRecord();
    return true;
}

void FormRecordDialog::reject()
{
    if (m_editable && isDirty()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved entries"), tr("Save the entries as a draft before closing?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save && !saveDraft())
            return;
    }
    QDialog::reject();
}

} // namespace mdp::forms::ui
