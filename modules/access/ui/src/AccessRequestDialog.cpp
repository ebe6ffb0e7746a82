#include "mdp/access/ui/AccessRequestDialog.h"

#include "mdp/access/AccessRequest.h"
#include "mdp/foundation/SecureBytes.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/SiteAccess.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mdp::access::ui {

namespace {

constexpr int kMinimumPurpose = 30; // the shared rules' minimum (AccessWorkflow::submit)

QString actionText(policy::Action action)
{
    switch (action) {
    case policy::Action::Search:
        return AccessRequestDialog::tr("Search and list patients");
    case policy::Action::Read:
        return AccessRequestDialog::tr("Open patients' records");
    case policy::Action::Write:
        return AccessRequestDialog::tr("Enter and change data");
    case policy::Action::Export:
        return AccessRequestDialog::tr("Export data");
    }
    return {};
}

} // namespace

AccessRequestDialog::AccessRequestDialog(workspace::AccessDesk &desk, const policy::Decision &refusal,
                                         QWidget *parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_needed(refusal.needed)
{
    setObjectName(QStringLiteral("accessRequestDialog"));
    setWindowTitle(tr("Request access"));
    auto *layout = new QVBoxLayout(this);
    auto *why = new QLabel(refusal.explanation(), this);
    why->setObjectName(QStringLiteral("accessRefusalText"));
    why->setWordWrap(true);
    layout->addWidget(why);

    auto *scope = new QGroupBox(tr("What you ask for"), this);
    auto *form = new QFormLayout(scope);
    form->addRow(tr("Access:"), new QLabel(actionText(m_needed.action), scope));
    form->addRow(tr("Data:"), new QLabel(policy::categoryDisplayName(m_needed.category), scope));
    m_project = new QLineEdit(m_needed.project, scope);
    m_project->setObjectName(QStringLiteral("accessProjectEdit"));
    m_project->setPlaceholderText(tr("The research project (required)"));
    form->addRow(tr("&Project:"), m_project);
    m_level = new QSpinBox(scope);
    m_level->setObjectName(QStringLiteral("accessLevelBox"));
    m_level->setRange(1, 5);
    m_level->setValue(std::clamp(m_needed.level, 1, 5));
    m_level->setToolTip(tr("The highest security level you need; level 5 needs named patients and two "
                           "approvers."));
    form->addRow(tr("Up to &level:"), m_level);
    m_patients = new QLineEdit(scope);
    m_patients->setObjectName(QStringLiteral("accessPatientsEdit"));
    m_patients->setPlaceholderText(tr("Pseudonyms, separated by commas (empty: the cohort below)"));
    form->addRow(tr("P&atients:"), m_patients);
    m_cohort = new QLineEdit(scope);
    m_cohort->setObjectName(QStringLiteral("accessCohortEdit"));
    m_cohort->setPlaceholderText(
        tr("Cohort criteria in words, no names or numbers (empty: the whole project)"));
    form->addRow(tr("&Cohort:"), m_cohort);
    m_countsOnly = new QCheckBox(tr("Counts only (no rows)"), scope);
    m_countsOnly->setObjectName(QStringLiteral("accessCountsOnlyBox"));
    m_countsOnly->setChecked(m_needed.action == policy::Action::Search);
    m_export = new QCheckBox(tr("Export de-identified data"), scope);
    m_export->setObjectName(QStringLiteral("accessExportBox"));
    m_export->setChecked(m_needed.action == policy::Action::Export);
    auto *kinds = new QHBoxLayout;
    kinds->addWidget(m_countsOnly);
    kinds->addWidget(m_export);
    kinds->addStretch(1);
    form->addRow(QString(), kinds);
    m_days = new QSpinBox(scope);
    m_days->setObjectName(QStringLiteral("accessDaysBox"));
    m_days->setRange(1, 365);
    m_days->setValue(90);
    m_days->setSuffix(tr(" days"));
    form->addRow(tr("&Duration:"), m_days);
    m_purpose = new QPlainTextEdit(scope);
    m_purpose->setObjectName(QStringLiteral("accessPurposeEdit"));
    m_purpose->setPlaceholderText(tr("The research question, the analysis planned and why these data are "
                                     "needed (at least %1 characters)")
                                      .arg(kMinimumPurpose));
    m_purpose->setTabChangesFocus(true);
    m_purpose->setMaximumHeight(100);
    form->addRow(tr("P&urpose:"), m_purpose);
    layout->addWidget(scope);

    auto *agreement =
        new QGroupBox(tr("Data-sharing agreement %1").arg(workspace::AccessDesk::agreementVersion()), this);
    auto *agreementLayout = new QVBoxLayout(agreement);
    auto *text = new QPlainTextEdit(workspace::AccessDesk::agreementText(), agreement);
    text->setObjectName(QStringLiteral("accessAgreementText"));
    text->setReadOnly(true);
    text->setMaximumHeight(110);
    text->setTabChangesFocus(true);
    agreementLayout->addWidget(text);
    m_agree = new QCheckBox(tr("I have read and accept the data-sharing agreement"), agreement);
    m_agree->setObjectName(QStringLiteral("accessAgreementBox"));
    agreementLayout->addWidget(m_agree);
    layout->addWidget(agreement);

    if (!m_desk.connected()) {
        // The request goes to the site server in this account's name: a session there first.
        auto *signIn = new QGroupBox(tr("Sign in at the site server"), this);
        signIn->setObjectName(QStringLiteral("accessServerSignIn"));
        auto *signInForm = new QFormLayout(signIn);
        m_password = new QLineEdit(signIn);
        m_password->setObjectName(QStringLiteral("accessPasswordEdit"));
        m_password->setEchoMode(QLineEdit::Password);
        signInForm->addRow(tr("Pass&word:"), m_password);
        m_code = new QLineEdit(signIn);
        m_code->setObjectName(QStringLiteral("accessCodeEdit"));
        m_code->setPlaceholderText(tr("When your account has an authenticator"));
        m_code->setMaxLength(8);
        signInForm->addRow(tr("Verification c&ode:"), m_code);
        layout->addWidget(signIn);
    }

    auto *note = new QLabel(tr("Ethics review comes first, then the approvers the site's rules name. A "
                               "grant is time-limited, opens de-identified data within this scope only, "
                               "and ends with its local copy."),
                            this);
    note->setWordWrap(true);
    note->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(note);
    m_message = workbench::makeMessageLabel(this);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = buttons->addButton(tr("Send request"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitAccessRequestButton"));
    m_submit->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &AccessRequestDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(600, sizeHint().height());
}

void AccessRequestDialog::submit()
{
    auto fail = [this](const QString &text, QWidget *focus) {
        workbench::showMessage(m_message, workbench::Severity::Error, text);
        if (focus)
            focus->setFocus();
    };
    Scope scope;
    scope.project = m_project->text().trimmed();
    if (scope.project.isEmpty())
        return fail(tr("Name the research project."), m_project);
    scope.maxLevel = m_level->value();
    scope.categories = {m_needed.category};
    static const QRegularExpression separators(QStringLiteral("[,，;；\\s]+"));
    scope.patients = m_patients->text().split(separators, Qt::SkipEmptyParts);
    scope.cohort = m_cohort->text().trimmed();
    scope.aggregateOnly = m_countsOnly->isChecked();
    scope.exportAllowed = m_export->isChecked();
    if (scope.aggregateOnly && scope.exportAllowed)
        return fail(tr("Ask for counts only or for an export, not both."), m_countsOnly);
    if (scope.maxLevel == 5 && scope.patients.isEmpty())
        return fail(tr("Level 5 data is granted for named patients only: list their pseudonyms."),
                    m_patients);
    if (auto checked = Scope::fromJson(scope.toJson()); !checked)
        return fail(tr("The scope is not valid: %1").arg(checked.error().message), m_patients);
    const QString purpose = m_purpose->toPlainText().trimmed();
    if (purpose.size() < kMinimumPurpose)
        return fail(tr("State the purpose in detail (at least %1 characters): the ethics review and the "
                       "approvers decide on it.")
                        .arg(kMinimumPurpose),
                    m_purpose);
    if (!m_agree->isChecked())
        return fail(tr("Accept the data-sharing agreement to send the request."), m_agree);
    if (!m_desk.connected()) {
        if (!m_password || m_password->text().isEmpty())
            return fail(tr("Enter your password to sign in at the site server."), m_password);
        SecureBytes password(m_password->text().toUtf8());
        m_password->clear();
        auto connected = m_desk.connect(password, m_code ? m_code->text().trimmed() : QString());
        if (!connected)
            return fail(tr("The site server refused the sign-in: %1").arg(connected.error().message),
                        m_password);
    }
    auto sent = m_desk.submit(purpose, scope, m_days->value(), workspace::AccessDesk::agreementVersion());
    if (!sent)
        return fail(tr("The request was not sent: %1").arg(sent.error().message), nullptr);
    m_number = sent->number;
    accept();
}

} // namespace mdp::access::ui
