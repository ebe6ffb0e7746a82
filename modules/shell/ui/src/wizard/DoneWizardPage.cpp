#include "DoneWizardPage.h"

#include "mdp/shell/FirstRunWizard.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mdp::shell {

DoneWizardPage::DoneWizardPage(QWidget *parent)
    : QWizardPage(parent)
    , m_text(workbench::makeLabel(QString(), QStringLiteral("factValue"), this))
    , m_recovery(workbench::makeLabel(QString(), QStringLiteral("recoveryKey"), this))
{
    setTitle(workbench::headingHtml(tr("Workspace created")));
    setSubTitle(tr("The encrypted workspace is ready."));
    setFinalPage(true);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    auto *row = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(
        workbench::Theme::icon(QStringLiteral("check-circle"), workbench::Theme::good()).pixmap(40, 40));
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    layout->addLayout(row);

    m_recoveryCard = workbench::makeCard(this);
    auto *recoveryLayout = workbench::cardLayout(m_recoveryCard, tr("Organisation recovery key"));
    recoveryLayout->addWidget(workbench::makeLabel(
        tr("Write it down or print it and lock it away, offline. It is shown only now. With it the "
           "organisation can set a new password when the last administrator's is lost (mdp recover); every "
           "use is recorded in the audit log."),
        QStringLiteral("muted"), m_recoveryCard));
    m_recovery->setObjectName(QStringLiteral("recoveryKeyLabel"));
    m_recovery->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.2);
    m_recovery->setFont(mono);
    m_recovery->setWordWrap(true);
    recoveryLayout->addWidget(m_recovery);
    layout->addWidget(m_recoveryCard);
    m_enrolmentCode = workbench::makeLabel(QString(), QStringLiteral("factValue"), this);
    m_enrolmentCode->setObjectName(QStringLiteral("enrolmentCodeLabel"));
    m_enrolmentCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_enrolmentCode->setWordWrap(true);
    m_enrolmentCode->hide();
    layout->addWidget(m_enrolmentCode);
    layout->addStretch();
    layout->addWidget(workbench::makeLabel(tr("Next steps: create an account for each person who uses this "
                                              "workstation (Accounts page) and check the keys (Keys page)."),
                                           QStringLiteral("muted"), this));
}

void DoneWizardPage::initializePage()
{
    m_text->setText(tr("Sign in as %1 with the password you just chose. An administrator needs an "
                       "authenticator app: have it ready on your phone, you set it up at this first sign-in.")
                        .arg(field(QStringLiteral("adminName")).toString()));
    const auto *wizard = qobject_cast<const FirstRunWizard *>(this->wizard());
    const QString key = wizard ? wizard->recoveryKey() : QString();
    const QString code = wizard ? wizard->adminEnrolmentCode() : QString();
    m_recovery->setText(key);
    // The first administrator's enrolment code: filled into the sign-in that follows, and shown
    // here in case that window is closed before the authenticator is set up.
    m_enrolmentCode->setText(code.isEmpty()
                                 ? QString()
                                 : tr("Your one-time enrolment code for the authenticator app: %1 "
                                      "(valid three days; it is filled in at the sign-in that follows).")
                                       .arg(code));
    m_enrolmentCode->setVisible(!code.isEmpty());
    m_recoveryCard->setVisible(!key.isEmpty());
}

} // namespace mdp::shell
