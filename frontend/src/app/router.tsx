import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { LoginPage } from "../features/auth/components/LoginPage";
import { RequireAuth } from "../features/auth/components/RequireAuth";
import { AppLayout } from "./shell/AppLayout";
import { LanguageSwitcher } from "./shell/LanguageSwitcher";
import { HomePage } from "./routes/HomePage";
import { NotFoundPage } from "./routes/NotFoundPage";
import { RequireNav } from "./routes/RequireNav";

// Screens are separate chunks: the initial route only loads the shell and the login page.
const UsersPage = lazy(() => import("../features/users/components/UsersPage"));
const UserDetailPage = lazy(() => import("../features/users/components/UserDetailPage"));
const RolesPage = lazy(() => import("../features/roles/components/RolesPage"));
const RoleDetailPage = lazy(() => import("../features/roles/components/RoleDetailPage"));
const TeamsPage = lazy(() => import("../features/teams/components/TeamsPage"));
const TeamDetailPage = lazy(() => import("../features/teams/components/TeamDetailPage"));
const ApiKeysPage = lazy(() => import("../features/api-keys/components/ApiKeysPage"));
const HistoryPage = lazy(() => import("../features/history/components/HistoryPage"));
const AccountPage = lazy(() => import("./routes/AccountPage"));
const PartnersPage = lazy(() => import("../features/partners/components/PartnersPage"));
const NewPartnerPage = lazy(() => import("../features/partners/components/NewPartnerPage"));
const PartnerRoute = lazy(() => import("./routes/PartnerRoute"));
const PersonsPage = lazy(() => import("../features/persons/components/PersonsPage"));
const LeadsPage = lazy(() => import("../features/leads/components/LeadsPage"));
const LeadRoute = lazy(() => import("./routes/LeadRoute"));
const DealsPage = lazy(() => import("../features/deals/components/DealsPage"));
const NewDealPage = lazy(() => import("../features/deals/components/NewDealPage"));
const DealBoardPage = lazy(() => import("../features/deals/components/DealBoardPage"));
const DealRoute = lazy(() => import("./routes/DealRoute"));
const ContactCostPage = lazy(() => import("../features/reports/components/ContactCostPage"));
const PersonRoute = lazy(() => import("./routes/PersonRoute"));
const ListsAdminPage = lazy(() => import("../features/lists/components/ListsAdminPage"));
const NotificationsPage = lazy(() => import("../features/notifications/components/NotificationsPage"));
const TasksPage = lazy(() => import("../features/tasks/components/TasksPage"));
const OutboxPage = lazy(() => import("../features/outbox/components/OutboxPage"));
const JobsPage = lazy(() => import("../features/jobs/components/JobsPage"));
const TemplatesPage = lazy(() => import("../features/email-templates/components/TemplatesPage"));
const TemplateEditorPage = lazy(() => import("../features/email-templates/components/TemplateEditorPage"));
const MessagesPage = lazy(() => import("../features/messages/components/MessagesPage"));
const ThreadPage = lazy(() => import("../features/messages/components/ThreadPage"));
const AnnouncementsAdminPage = lazy(() => import("../features/announcements/components/AnnouncementsAdminPage"));
const TerritoriesPage = lazy(() => import("../features/territories/components/TerritoriesPage"));
const RulesPage = lazy(() => import("../features/assignment/components/RulesPage"));
const ReassignPage = lazy(() => import("../features/assignment/components/ReassignPage"));
const AssignmentReportsPage = lazy(() => import("../features/reports/components/AssignmentReportsPage"));
const ImportsPage = lazy(() => import("../features/imports/components/ImportsPage"));
const DealTypesPage = lazy(() => import("../features/deal-admin/components/DealTypesPage"));
const ProductsPage = lazy(() => import("../features/deal-admin/components/ProductsPage"));
const ExchangeRatesPage = lazy(() => import("../features/deal-admin/components/ExchangeRatesPage"));
const DealReportsPage = lazy(() => import("../features/deal-reports/components/DealReportsPage"));
const CustomFieldsAdminPage = lazy(() => import("../features/custom-fields/components/CustomFieldsAdminPage"));

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage languageSwitcher={<LanguageSwitcher />} /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: "account", element: <AccountPage /> },
          { path: "notifications", element: <NotificationsPage /> },
          { path: "tasks", element: <TasksPage /> },
          { path: "messages", element: <MessagesPage /> },
          { path: "messages/:threadId", element: <ThreadPage /> },
          // Not behind RequireNav: everyone reads templates; the pages turn read-only without edit grants.
          { path: "email-templates", element: <TemplatesPage /> },
          { path: "email-templates/:id", element: <TemplateEditorPage /> },
          { element: <RequireNav nav="outbox" />, children: [{ path: "outbox", element: <OutboxPage /> }] },
          {
            element: <RequireNav nav="announcements" />,
            children: [{ path: "admin/announcements", element: <AnnouncementsAdminPage /> }],
          },
          { element: <RequireNav nav="jobs" />, children: [{ path: "admin/jobs", element: <JobsPage /> }] },
          { element: <RequireNav nav="imports" />, children: [{ path: "imports", element: <ImportsPage /> }] },
          {
            element: <RequireNav nav="partners" />,
            children: [
              { path: "partners", element: <PartnersPage /> },
              { path: "partners/new", element: <NewPartnerPage /> },
              { element: <RequireNav nav="reassign" />, children: [{ path: "partners/reassign", element: <ReassignPage /> }] },
              { path: "partners/:id", element: <PartnerRoute /> },
            ],
          },
          {
            element: <RequireNav nav="persons" />,
            children: [
              { path: "persons", element: <PersonsPage /> },
              { path: "persons/:id", element: <PersonRoute /> },
            ],
          },
          {
            element: <RequireNav nav="leads" />,
            children: [
              { path: "leads", element: <LeadsPage /> },
              { path: "leads/:id", element: <LeadRoute /> },
            ],
          },
          {
            element: <RequireNav nav="deals" />,
            children: [
              { path: "deals", element: <DealsPage /> },
              { path: "deals/new", element: <NewDealPage /> },
              { path: "deals/board", element: <DealBoardPage /> },
              { path: "deals/:id", element: <DealRoute /> },
            ],
          },
          {
            element: <RequireNav nav="reports" />,
            children: [
              { path: "reports/contact-cost", element: <ContactCostPage /> },
              { path: "reports/assignment", element: <AssignmentReportsPage /> },
              { path: "reports/deals", element: <DealReportsPage /> },
            ],
          },
          {
            element: <RequireNav nav="users" />,
            children: [
              { path: "users", element: <UsersPage /> },
              { path: "users/:id", element: <UserDetailPage /> },
            ],
          },
          {
            element: <RequireNav nav="roles" />,
            children: [
              { path: "roles", element: <RolesPage /> },
              { path: "roles/:id", element: <RoleDetailPage /> },
            ],
          },
          {
            element: <RequireNav nav="teams" />,
            children: [
              { path: "teams", element: <TeamsPage /> },
              { path: "teams/:id", element: <TeamDetailPage /> },
            ],
          },
          { element: <RequireNav nav="lists" />, children: [{ path: "admin/lists", element: <ListsAdminPage /> }] },
          {
            element: <RequireNav nav="custom_fields" />,
            children: [{ path: "admin/custom-fields", element: <CustomFieldsAdminPage /> }],
          },
          {
            element: <RequireNav nav="territories" />,
            children: [{ path: "admin/territories", element: <TerritoriesPage /> }],
          },
          {
            element: <RequireNav nav="assignment_rules" />,
            children: [{ path: "admin/assignment-rules", element: <RulesPage /> }],
          },
          { element: <RequireNav nav="deal_types" />, children: [{ path: "admin/deal-types", element: <DealTypesPage /> }] },
          { element: <RequireNav nav="products" />, children: [{ path: "admin/products", element: <ProductsPage /> }] },
          { element: <RequireNav nav="exchange_rates" />, children: [{ path: "admin/exchange-rates", element: <ExchangeRatesPage /> }] },
          { element: <RequireNav nav="api_keys" />, children: [{ path: "api-keys", element: <ApiKeysPage /> }] },
          { element: <RequireNav nav="history" />, children: [{ path: "history", element: <HistoryPage /> }] },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
