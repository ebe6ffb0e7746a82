#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

class QWidget;

namespace mdp::workspace {
class AuditReview;
}

namespace mdp::workbench {

class EventPanel;
class Host;
class SettingsPane;

// Which roles a contribution is shown to. Showing is a convenience only: the service behind every
// screen checks the signed-in principal again on each call.
using RolePredicate = std::function<bool(const QStringList &roleIds)>;

// A page of the main window's navigation rail.
struct PageContribution
{
    QString id;                     // stable ("patients"); the page widget's object name becomes "<id>-page"
    int order = 100;                // position in the rail, lowest first
    QString iconName;               // a Theme icon
    std::function<QString()> title; // called when shown, so it follows the interface language
    RolePredicate visibleTo;
    std::function<QWidget *(Host &host, QWidget *parent)> create;
};

// A menu entry, with its shortcut.
struct ActionContribution
{
    enum class Menu
    {
        File,
        Tools,
        Help
    };
    QString id; // also the QAction's object name
    Menu menu = Menu::Tools;
    int order = 100;
    QString iconName;
    std::function<QString()> text;
    QKeySequence shortcut;
    RolePredicate visibleTo;
    std::function<void(Host &host)> trigger;
};

// A small widget that tells what waits for the user (the notice bell, in the rail's account corner)
// or how the workstation stands (in the main window's status bar, after the host's own items).
struct IndicatorContribution
{
    enum class Place
    {
        AccountCorner,
        StatusBar
    };
    QString id;
    int order = 100;
    std::function<QWidget *(Host &host, QWidget *parent)> create;
    Place place = Place::AccountCorner;
};

// Opens an object ("patient", "record", ...) the way the feature that owns it shows it. Handlers of
// one kind are tried by descending priority until one accepts.
struct LinkHandler
{
    QString kind;
    int priority = 0;
    std::function<bool(Host &host, const QString &id, const QVariantMap &hints)> open;
};

// A tab of the settings dialog.
struct SettingsPaneContribution
{
    QString id;
    std::function<QString()> title;
    RolePredicate visibleTo;
    std::function<SettingsPane *(Host &host, QWidget *parent)> create;
};

// One answer of a search provider; choosing it opens the link (kind, id).
struct SearchHit
{
    QString title;
    QString detail;
    QString linkKind;
    QString linkId;
};

// Answers the main window's "Go to" search (Ctrl+K) from one feature's data.
struct SearchProvider
{
    QString id;
    std::function<QString()> title;
    RolePredicate visibleTo;
    std::function<QList<SearchHit>(Host &host, const QString &text, int limit)> search;
};

// A panel in the detail of a timeline event on the patient page (the forms strip).
struct EventPanelContribution
{
    QString id;
    int order = 100;
    RolePredicate visibleTo;
    std::function<EventPanel *(Host &host, bool identityVisible, QWidget *parent)> create;
};

// Patients another feature has put on the user's desk (open review tasks), shown on the patient
// list before anything is typed, next to the patients the user worked on recently.
struct AssignedPatientsContribution
{
    QString id;
    RolePredicate visibleTo;
    // Pseudonymous IDs, most urgent first.
    std::function<QStringList(Host &host)> pseudonyms;
};

// The window that shows a workspace which failed its integrity checks, read-only, to an audit reader
// (issue 9 part 4). The feature that owns the audit trail provides it; the host shows it instead of
// the main window when the sign-in window opened such a review.
using AuditReviewWindowFactory =
    std::function<QWidget *(std::unique_ptr<workspace::AuditReview> review, QWidget *parent)>;

// What the features give the host. Each feature module has one function that adds its
// contributions here; the program calls them (the composition root), the host reads them and
// includes no feature header.
class Contributions
{
public:
    void addPage(PageContribution page);
    void addAction(ActionContribution action);
    void addIndicator(IndicatorContribution indicator);
    void addLinkHandler(LinkHandler handler);
    void addSettingsPane(SettingsPaneContribution pane);
    void addSearchProvider(SearchProvider provider);
    void addEventPanel(EventPanelContribution panel);
    void addAssignedPatients(AssignedPatientsContribution source);
    void setAuditReviewWindow(AuditReviewWindowFactory factory) { m_auditReview = std::move(factory); }
    const AuditReviewWindowFactory &auditReviewWindow() const { return m_auditReview; }

    // In display order; the ...For variants keep those the roles may see.
    const QList<PageContribution> &pages() const { return m_pages; }
    QList<PageContribution> pagesFor(const QStringList &roleIds) const;
    const PageContribution *page(const QString &id) const;
    QList<ActionContribution> actionsFor(const QStringList &roleIds, ActionContribution::Menu menu) const;
    const QList<IndicatorContribution> &indicators() const { return m_indicators; }
    QList<LinkHandler> linkHandlers(const QString &kind) const;
    QList<SettingsPaneContribution> settingsPanesFor(const QStringList &roleIds) const;
    QList<SearchProvider> searchProvidersFor(const QStringList &roleIds) const;
    QList<EventPanelContribution> eventPanelsFor(const QStringList &roleIds) const;
    QList<AssignedPatientsContribution> assignedPatientsFor(const QStringList &roleIds) const;

    // Refuses a second contribution with an id already taken (two features fighting over "patients").
    QStringList conflicts() const { return m_conflicts; }

private:
    QList<PageContribution> m_pages;
    QList<ActionContribution> m_actions;
    QList<IndicatorContribution> m_indicators;
    QList<LinkHandler> m_links;
    QList<SettingsPaneContribution> m_panes;
    QList<SearchProvider> m_search;
    QList<EventPanelContribution> m_eventPanels;
    QList<AssignedPatientsContribution> m_assigned;
    AuditReviewWindowFactory m_auditReview;
    QStringList m_conflicts;
};

} // namespace mdp::workbench
