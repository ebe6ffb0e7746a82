#include "MyAccountPage.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/PasswordPolicy.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/TotpEnrolmentWidget.h"
#include "mdp/workbench/Widgets.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mdp::accounts::ui {

MyAccountPage::MyAccountPage(workbench::SessionContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_oldPassword(new QLineEdit(this))
    , m_newPassword(new QLineEdit(this))
    , m_confirmPassword(new QLineEdit(this))
    , m_passwordMessage(workbench::makeMessageLabel(this))
    , m_changePassword(workbench::makeAccentButton(tr("Change password"), this))
    , m_totpStatus(workbench::makeLabel(QString(), QStringLiteral("factValue"), this))
    , m_totpStack(new QStackedWidget(this))
    , m_enrolPassword(new QLineEdit(this))
    , m_enrolmentCode(new QLineEdit(this))
    , m_startEnrolment(workbench::makeAccentButton(tr("Set up authenticator"), this))
    , m_enrolment(new workbench::TotpEnrolmentWidget(this))
    , m_confirmEnrolment(workbench::makeAccentButton(tr("Confirm code"), this))
    , m_totpMessage(workbench::makeMessageLabel(this))
{
    m_oldPassword->setObjectName(QStringLiteral("oldPasswordEdit"));
    m_newPassword->setObjectName(QStringLiteral("newPasswordEdit"));
    m_confirmPassword->setObjectName(QStringLiteral("confirmPasswordEdit"));
    m_changePassword->setObjectName(QStringLiteral("changePasswordButton"));
    m_enrolPassword->setObjectName(QStringLiteral("enrolPasswordEdit"));
    m_enrolmentCode->setObjectName(QStringLiteral("enrolmentCodeEdit"));
    m_enrolmentCode->setPlaceholderText(tr("XXXX-XXXX-XXXX-XXXX, from a system administrator"));
    m_startEnrolment->setObjectName(QStringLiteral("startEnrolmentButton"));
    m_confirmEnrolment->setObjectName(QStringLiteral("confirmEnrolmentButton"));
    m_totpStatus->setObjectName(QStringLiteral("totpStatus"));
    for (QLineEdit *edit : {m_oldPassword, m_newPassword, m_confirmPassword, m_enrolPassword})
        workbench::preparePasswordEdit(edit);
    workbench::addRevealAction(m_newPassword);

    const workspace::Session &session = context.session();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(16);
    layout->addWidget(workbench::makePageHeader(
        tr("My account"), tr("%1 · %2").arg(session.displayName, session.userName), this));

    auto *row = new QHBoxLayout;
    row->setSpacing(16);

    auto *passwordCard = workbench::makeCard(this);
    auto *passwordLayout = workbench::cardLayout(passwordCard, tr("Password"));
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(10);
    form->addRow(tr("Current password"), m_oldPassword);
    form->addRow(tr("New password"), m_newPassword);
    form->addRow(tr("Confirm new password"), m_confirmPassword);
    passwordLayout->addLayout(form);
    passwordLayout->addWidget(
        workbench::makeLabel(accounts::PasswordPolicy::description(), QStringLiteral("muted"), passwordCard));
    passwordLayout->addWidget(m_passwordMessage);
    passwordLayout->addStretch();
    passwordLayout->addWidget(m_changePassword, 0, Qt::AlignRight);
    row->addWidget(passwordCard, 1);

    auto *totpCard = workbench::makeCard(this);
    auto *totpLayout = workbench::cardLayout(totpCard, tr("Two-step sign-in"));
    totpLayout->addWidget(m_totpStatus);

    auto *startPage = new QWidget(m_totpStack);
    auto *startLayout = new QVBoxLayout(startPage);
    startLayout->setContentsMargins(0, 0, 0, 0);
    auto *startForm = new QFormLayout;
    startForm->addRow(tr("Current password"), m_enrolPassword);
    startForm->addRow(tr("Enrolment code"), m_enrolmentCode);
    startLayout->addLayout(startForm);
    startLayout->addWidget(m_startEnrolment, 0, Qt::AlignRight);
    startLayout->addStretch();
    m_totpStack->addWidget(startPage);

    auto *enrolPage = new QWidget(m_totpStack);
    auto *enrolLayout = new QVBoxLayout(enrolPage);
    enrolLayout->setContentsMargins(0, 0, 0, 0);
    enrolLayout->addWidget(m_enrolment);
    enrolLayout->addWidget(m_confirmEnrolment, 0, Qt::AlignRight);
    enrolLayout->addStretch();
    m_totpStack->addWidget(enrolPage);

    m_totpStack->addWidget(new QWidget(m_totpStack)); // enrolled: nothing to do here
    totpLayout->addWidget(m_totpStack);
    totpLayout->addWidget(m_totpMessage);
    totpLayout->addStretch();
    row->addWidget(totpCard, 1);
    layout->addLayout(row);
    layout->addStretch();

    for (QLineEdit *edit : {m_oldPassword, m_newPassword, m_confirmPassword})
        connect(edit, &QLineEdit::textChanged, this, &MyAccountPage::updatePasswordButton);
    connect(m_changePassword, &QPushButton::clicked, this, &MyAccountPage::changePassword);
    connect(m_startEnrolment, &QPushButton::clicked, this, &MyAccountPage::startEnrolment);
    connect(m_enrolPassword, &QLineEdit::returnPressed, this, &MyAccountPage::startEnrolment);
    connect(m_enrolmentCode, &QLineEdit::returnPressed, this, &MyAccountPage::startEnrolment);
    connect(m_confirmEnrolment, &QPushButton::clicked, this, &MyAccountPage::confirmEnrolment);
    connect(m_enrolment, &workbench::TotpEnrolmentWidget::codeEntered, this,
            &MyAccountPage::confirmEnrolment);
    updatePasswordButton();
    refresh();
}

void MyAccountPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void MyAccountPage::refresh()
{
    if (m_context.isBusy() || m_totpStack->currentIndex() == 1)
        return;
    auto account = m_context.workspace().accounts().find(m_context.session().userName);
    if (!account.ok() || !account.value())
        return;
    const accounts::Account &a = *account.value();
    if (a.totpEnrolled) {
        m_totpStatus->setText(
            tr("An authenticator app is set up for this account. If you lose the device, ask a "
               "system administrator to reset it; you then set up a new one."));
        m_totpStack->setCurrentIndex(2);
    } else {
        m_totpStatus->setText(
            accounts::requiresSecondFactor(a.roles)
                ? tr("Your role requires a code from an authenticator app at each sign-in.")
                : tr("Your role does not require it, but a code from an authenticator app at each "
                     "sign-in protects your account further."));
        m_totpStack->setCurrentIndex(0);
    }
}

MyAccountPage::~MyAccountPage()
{
    for (QLineEdit *edit : {m_oldPassword, m_newPassword, m_confirmPassword, m_enrolPassword})
        workbench::wipePassword(edit);
}

void MyAccountPage::updatePasswordButton()
{
    QString problem;
    if (!m_newPassword->text().isEmpty()) {
        const Result<void> check = accounts::PasswordPolicy().check(workbench::copyPassword(m_newPassword),
                                                                    m_context.session().userName);
        if (!check.ok())
            problem = check.error().message;
        else if (!m_confirmPassword->text().isEmpty() && m_confirmPassword->text() != m_newPassword->text())
            problem = tr("The two passwords do not match.");
    }
    if (!problem.isEmpty() || m_passwordMessage->property("severity").toString() == u"error")
        workbench::showMessage(m_passwordMessage, workbench::Severity::Error, problem);
    m_changePassword->setEnabled(problem.isEmpty() && !m_oldPassword->text().isEmpty() &&
                                 !m_newPassword->text().isEmpty() &&
                                 m_confirmPassword->text() == m_newPassword->text());
}

void MyAccountPage::changePassword()
{
    accounts::AccountDirectory *directory = &m_context.workspace().accounts();
    const QString user = m_context.session().userName;
    const SecureBytes oldPassword = workbench::copyPassword(m_oldPassword);
    const SecureBytes newPassword = workbench::copyPassword(m_newPassword);
    m_context.run<Result<void>>(
        this, [=] { return directory->changePassword(user, oldPassword, newPassword); },
        [this](Result<void> &result) {
            if (result.ok()) {
                for (QLineEdit *edit : {m_oldPassword, m_newPassword, m_confirmPassword})
                    workbench::wipePassword(edit);
                workbench::showMessage(m_passwordMessage, workbench::Severity::Success,
                                       tr("Your password was changed."));
            } else {
                workbench::showMessage(
                    m_passwordMessage, workbench::Severity::Error,
                    result.error().code == Error::Code::Unauthenticated
                        ? tr("The current password is wrong.")
                        : tr("The password was not changed: %1").arg(result.error().message));
            }
        });
}

void MyAccountPage::startEnrolment()
{
    if (m_enrolPassword->text().isEmpty() || m_enrolmentCode->text().trimmed().isEmpty()) {
        workbench::showMessage(m_totpMessage, workbench::Severity::Error,
                               tr("Enter your current password and the enrolment code a system "
                                  "administrator gave you."));
        return;
    }
    accounts::AccountDirectory *directory = &m_context.workspace().accounts();
    const QString user = m_context.session().userName;
    const SecureBytes password = workbench::takePassword(m_enrolPassword);
    const QString code = m_enrolmentCode->text().trimmed();
    m_context.run<Result<accounts::TotpEnrolment>>(
        this, [=] { return directory->enrollTotp(user, password, code); },
        [this](Result<accounts::TotpEnrolment> &result) {
            if (!result.ok()) {
                workbench::showMessage(
                    m_totpMessage, workbench::Severity::Error,
                    result.error().code == Error::Code::Unauthenticated
                        ? tr("The password or the enrolment code is wrong, or the code has expired.")
                        : tr("The authenticator could not be set up: %1").arg(result.error().message));
                return;
            }
            m_enrolmentCode->clear();
            workbench::showMessage(m_totpMessage, workbench::Severity::None, {});
            m_enrolment->setEnrolment(result.value());
            m_totpStack->setCurrentIndex(1);
            m_enrolment->codeEdit()->setFocus();
        });
}

void MyAccountPage::confirmEnrolment()
{
    if (m_enrolment->code().isEmpty())
        return;
    const auto result =
        m_context.workspace().accounts().confirmTotp(m_context.session().userName, m_enrolment->code());
    if (!result.ok()) {
        workbench::showMessage(
            m_totpMessage, workbench::Severity::Error,
            tr("The code was not accepted. Check that the device's clock is right and enter the current "
               "code."));
        return;
    }
    m_enrolment->clear();
    m_totpStack->setCurrentIndex(0);
    workbench::showMessage(m_totpMessage, workbench::Severity::Success, tr("Your authenticator is set up."));
    m_context.notifyChanged();
    refresh();
}

} // namespace mdp::accounts::ui
