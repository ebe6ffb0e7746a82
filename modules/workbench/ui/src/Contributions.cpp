#include "mdp/workbench/Contributions.h"

#include <algorithm>

namespace mdp::workbench {

namespace {

template<typename T> bool takenId(const QList<T> &list, const QString &id)
{
    return std::any_of(list.cbegin(), list.cend(), [&id](const T &item) { return item.id == id; });
}

template<typename T> void insertOrdered(QList<T> &list, T item)
{
    auto at = std::upper_bound(list.begin(), list.end(), item,
                               [](const T &a, const T &b) { return a.order < b.order; });
    list.insert(at, std::move(item));
}

bool visible(const RolePredicate &predicate, const QStringList &roleIds)
{
    return !predicate || predicate(roleIds);
}

} // namespace

void Contributions::addPage(PageContribution page)
{
    if (takenId(m_pages, page.id)) {
        m_conflicts << QStringLiteral("page:") + page.id;
        return;
    }
    insertOrdered(m_pages, std::move(page));
}

void Contributions::addAction(ActionContribution action)
{
    if (takenId(m_actions, action.id)) {
        m_conflicts << QStringLiteral("action:") + action.id;
        return;
    }
    insertOrdered(m_actions, std::move(action));
}

void Contributions::addIndicator(IndicatorContribution indicator)
{
    if (takenId(m_indicators, indicator.id)) {
        m_conflicts << QStringLiteral("indicator:") + indicator.id;
        return;
    }
    insertOrdered(m_indicators, std::move(indicator));
}

void Contributions::addLinkHandler(LinkHandler handler)
{
    auto at =
        std::upper_bound(m_links.begin(), m_links.end(), handler,
                         [](const LinkHandler &a, const LinkHandler &b) { return a.priority > b.priority; });
    m_links.insert(at, std::move(handler));
}

void Contributions::addSettingsPane(SettingsPaneContribution pane)
{
    if (takenId(m_panes, pane.id)) {
        m_conflicts << QStringLiteral("settings:") + pane.id;
        return;
    }
    m_panes << std::move(pane);
}

void Contributions::addSearchProvider(SearchProvider provider)
{
    if (takenId(m_search, provider.id)) {
        m_conflicts << QStringLiteral("search:") + provider.id;
        return;
    }
    m_search << std::move(provider);
}

void Contributions::addEventPanel(EventPanelContribution panel)
{
    if (takenId(m_eventPanels, panel.id)) {
        m_conflicts << QStringLiteral("event-panel:") + panel.id;
        return;
    }
    insertOrdered(m_eventPanels, std::move(panel));
}

void Contributions::addAssignedPatients(AssignedPatientsContribution source)
{
    if (takenId(m_assigned, source.id)) {
        m_conflicts << QStringLiteral("assigned-patients:") + source.id;
        return;
    }
    m_assigned << std::move(source);
}

QList<AssignedPatientsContribution> Contributions::assignedPatientsFor(const QStringList &roleIds) const
{
    QList<AssignedPatientsContribution> sources;
    for (const AssignedPatientsContribution &source : m_assigned) {
        if (visible(source.visibleTo, roleIds))
            sources << source;
    }
    return sources;
}

QList<PageContribution> Contributions::pagesFor(const QStringList &roleIds) const
{
    QList<PageContribution> pages;
    for (const PageContribution &page : m_pages) {
        if (visible(page.visibleTo, roleIds))
            pages << page;
    }
    return pages;
}

const PageContribution *Contributions::page(const QString &id) const
{
    for (const PageContribution &page : m_pages) {
        if (page.id == id)
            return &page;
    }
    return nullptr;
}

QList<ActionContribution> Contributions::actionsFor(const QStringList &roleIds,
                                                    ActionContribution::Menu menu) const
{
    QList<ActionContribution> actions;
    for (const ActionContribution &action : m_actions) {
        if (action.menu == menu && visible(action.visibleTo, roleIds))
            actions << action;
    }
    return actions;
}

QList<LinkHandler> Contributions::linkHandlers(const QString &kind) const
{
    QList<LinkHandler> handlers;
    for (const LinkHandler &handler : m_links) {
        if (handler.kind == kind)
            handlers << handler;
    }
    return handlers;
}

QList<SettingsPaneContribution> Contributions::settingsPanesFor(const QStringList &roleIds) const
{
    QList<SettingsPaneContribution> panes;
    for (const SettingsPaneContribution &pane : m_panes) {
        if (visible(pane.visibleTo, roleIds))
            panes << pane;
    }
    return panes;
}

QList<SearchProvider> Contributions::searchProvidersFor(const QStringList &roleIds) const
{
    QList<SearchProvider> providers;
    for (const SearchProvider &provider : m_search) {
        if (visible(provider.visibleTo, roleIds))
            providers << provider;
    }
    return providers;
}

QList<EventPanelContribution> Contributions::eventPanelsFor(const QStringList &roleIds) const
{
    QList<EventPanelContribution> panels;
    for (const EventPanelContribution &panel : m_eventPanels) {
        if (visible(panel.visibleTo, roleIds))
            panels << panel;
    }
    return panels;
}

} // namespace mdp::workbench
