#include "AccountsPage.h"

#include "AccountDialog.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/ui/AccountTableModel.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mdp::accounts::ui {

AccountsPage::AccountsPage(workbench::SessionContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new AccountTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_message(workbench::makeMessageLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(14);
    layout->addWidget(
        workbench::makePageHeader(tr("Accounts"),
                                  tr("One personal account per person, with the least role they need. "
                                     "Every change is recorded in the audit log."),
                                  this));

    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    m_add = workbench::makeAccentButton(tr("Add account…"), this);
    m_add->setIcon(workbench::Theme::icon(QStringLiteral("plus"), Qt::white));
    m_add->setObjectName(QStringLiteral("addAccountButton"));
    m_lock = new QPushButton(workbench::Theme::icon(QStringLiteral("lock")), tr("Lock"), this);
    m_lock->setObjectName(QStringLiteral("lockAccountButton"));
    m_role = new QPushButton(tr("Change role…"), this);
    m_role->setObjectName(QStringLiteral("changeRoleButton"));
    m_password = new QPushButton(tr("Reset password…"), this);
    m_password->setObjectName(QStringLiteral("resetPasswordButton"));
    m_totp =
        new QPushButton(workbench::Theme::icon(QStringLiteral("phone-key")), tr("Reset authenticator"), this);
    m_totp->setObjectName(QStringLiteral("resetTotpButton"));
    m_enrolmentCode = new QPushButton(tr("Enrolment code"), this);
    m_enrolmentCode->setObjectName(QStringLiteral("enrolmentCodeButton"));
    m_enrolmentCode->setToolTip(tr("Issue a one-time code with which the account sets up its authenticator "
                                   "app at its next sign-in"));
    actions->addWidget(m_add);
    actions->addSpacing(12);
    actions->addWidget(m_lock);
    actions->addWidget(m_role);
    actions->addWidget(m_password);
    actions->addWidget(m_totp);
    actions->addWidget(m_enrolmentCode);
    actions->addStretch();
    layout->addLayout(actions);
    layout->addWidget(m_message);

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AccountTableModel::UserNameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegate(new workbench::PaddedItemDelegate(m_table));
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setDefaultSectionSize(34);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, &AccountsPage::addAccount);
    connect(m_lock, &QPushButton::clicked, this, &AccountsPage::toggleLock);
    connect(m_role, &QPushButton::clicked, this, &AccountsPage::changeRole);
    connect(m_totp, &QPushButton::clicked, this, &AccountsPage::resetTotp);
    connect(m_password, &QPushButton::clicked, this, &AccountsPage::resetPassword);
    connect(m_enrolmentCode, &QPushButton::clicked, this, &AccountsPage::issueEnrolmentCode);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsPage::updateButtons);
    connect(m_table, &QTableView::doubleClicked, this, &AccountsPage::changeRole);
    refresh();
}

void AccountsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void AccountsPage::refresh()
{
    if (m_context.isBusy())
        return;
    const QString selected = selectedUser();
    auto accounts = m_context.workspace().accounts().list();
    if (!accounts.ok()) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The account list could not be read: %1").arg(accounts.error().message));
        return;
    }
    // The workspace custodian is the command line's principal, not a person: nothing to manage here.
    const QUuid custodian = m_context.workspace().custodianId();
    accounts.value().removeIf([&custodian](const accounts::Account &a) { return a.id == custodian; });
    m_model->setAccounts(std::move(accounts.value()), m_context.workspace().clock().now());
    m_table->resizeColumnsToContents();
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
    updateButtons();
}

QString AccountsPage::selectedUser() const
{
    const QModelIndexList rows =
        m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty())
        return {};
    return rows.first().data(AccountTableModel::UserNameRole).toString();
}

void AccountsPage::updateButtons()
{
    const QString user = selectedUser();
    const bool any = !user.isEmpty();
    const bool self = user == m_context.session().userName;
    bool locked = false;
    bool enrolled = false;
    if (const accounts::Account *account = m_model->accountAt(m_model->rowOf(user))) {
        locked = account->isLockedAt(m_context.workspace().clock().now());
        enrolled = account->totpEnrolled;
    }
    m_lock->setEnabled(any && !self);
    m_lock->setText(locked ? tr("Unlock") : tr("Lock"));
    m_lock->setIcon(workbench::Theme::icon(locked ? QStringLiteral("unlock") : QStringLiteral("lock")));
    m_role->setEnabled(any);
    m_password->setEnabled(any && !self);
    m_totp->setEnabled(any && enrolled);
    m_enrolmentCode->setEnabled(any && !enrolled && !self);
}

void AccountsPage::report(bool ok, const QString &successText, const QString &errorText)
{
    workbench::showMessage(m_message, ok ? workbench::Severity::Success : workbench::Severity::Error,
                           ok ? successText : errorText);
    m_context.notifyChanged();
    refresh();
}

void AccountsPage::addAccount()
{
    AccountDialog dialog(AccountDialog::Mode::Create, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    accounts::AccountDirectory *directory = &m_context.workspace().accounts();
    const QUuid actor = m_context.actorId();
    const QString userName = dialog.userName();
    const QString displayName = dialog.displayName();
    const accounts::Role role = dialog.role();
    const SecureBytes password = dialog.takePassword();
    m_context.run<Result<accounts::Account>>(
        this, [=] { return directory->createAccount(actor, userName, displayName, role, password); },
        [this, userName](Result<accounts::Account> &result) {
            const QString created =
                tr("Account %1 created. Give the initial password to its owner in person.").arg(userName);
            if (result.ok() && result->requiresSecondFactor())
                return showEnrolmentCode(userName, created);
            report(result.ok(), created,
                   result.ok() ? QString()
                               : tr("The account was not created: %1").arg(result.error().message));
        });
}

void AccountsPage::toggleLock()
{
    const QString user = selectedUser();
    const accounts::Account *account = m_model->accountAt(m_model->rowOf(user));
    if (!account)
        return;
    const bool locked = account->isLockedAt(m_context.workspace().clock().now());
    if (!locked && QMessageBox::question(
                       this, tr("Lock account"),
                       tr("Lock the account %1? Its owner cannot sign in until it is unlocked.").arg(user)) !=
                       QMessageBox::Yes)
        return;
    auto &directory = m_context.workspace().accounts();
    const auto result =
        locked ? directory.unlock(m_context.actorId(), user) : directory.lock(m_context.actorId(), user);
    report(result.ok(), locked ? tr("Account %1 unlocked.").arg(user) : tr("Account %1 locked.").arg(user),
           result.ok() ? QString() : tr("The change was refused: %1").arg(result.error().message));
}

void AccountsPage::changeRole()
{
    const QString user = selectedUser();
    const accounts::Account *account = m_model->accountAt(m_model->rowOf(user));
    if (!account)
        return;
    AccountDialog dialog(AccountDialog::Mode::ChangeRole, this);
    dialog.setAccount(*account);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto result = m_context.workspace().accounts().setRoles(m_context.actorId(), user, {dialog.role()});
    report(result.ok(), tr("The role of %1 is now %2.").arg(user, accounts::roleDisplayName(dialog.role())),
           result.ok() ? QString() : tr("The role was not changed: %1").arg(result.error().message));
}

void AccountsPage::resetPassword()
{
    const QString user = selectedUser();
    const accounts::Account *account = m_model->accountAt(m_model->rowOf(user));
    if (!account)
        return;
    AccountDialog dialog(AccountDialog::Mode::ResetPassword, this);
    dialog.setAccount(*account);
    if (dialog.exec() != QDialog::Accepted)
        return;
    accounts::AccountDirectory *directory = &m_context.workspace().accounts();
    const QUuid actor = m_context.actorId();
    const SecureBytes password = dialog.takePassword();
    m_context.run<Result<void>>(
        this, [=] { return directory->resetPassword(actor, user, password); },
        [this, user](Result<void> &result) {
            report(result.ok(), tr("The password of %1 was reset. Give it to its owner in person.").arg(user),
                   result.ok() ? QString()
                               : tr("The password was not reset: %1").arg(result.error().message));
        });
}

void AccountsPage::resetTotp()
{
    const QString user = selectedUser();
    if (user.isEmpty())
        return;
    if (QMessageBox::question(
            this, tr("Reset authenticator"),
            tr("Remove the authenticator of %1? Use this when the device is lost. A one-time "
               "enrolment code is shown next; with it the owner sets up a new authenticator at the next "
               "sign-in.")
                .arg(user)) != QMessageBox::Yes)
        return;
    const auto result = m_context.workspace().accounts().resetTotp(m_context.actorId(), user);
    if (!result.ok())
        return report(false, {}, tr("The authenticator was not reset: %1").arg(result.error().message));
    showEnrolmentCode(user, tr("The authenticator of %1 was removed.").arg(user));
}

void AccountsPage::issueEnrolmentCode()
{
    const QString user = selectedUser();
    if (!user.isEmpty())
        showEnrolmentCode(user, {});
}

void AccountsPage::showEnrolmentCode(const QString &user, const QString &lead)
{
    const auto code = m_context.workspace().accounts().issueEnrolmentCode(m_context.actorId(), user);
    if (!code.ok()) {
        const QString failed = tr("No enrolment code was issued: %1").arg(code.error().message);
        return report(false, {}, lead.isEmpty() ? failed : lead + QLatin1Char(' ') + failed);
    }
    const QString text = tr("One-time enrolment code for %1: %2. Give it to its owner in person; it is "
                            "shown only now. At the next sign-in they enter it as the verification code "
                            "and set up their authenticator app. It replaces any earlier code and "
                            "expires after three days.")
                             .arg(user, code.value());
    report(true, lead.isEmpty() ? text : lead + QLatin1Char(' ') + text, {});
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

} // namespace mdp::accounts::ui
