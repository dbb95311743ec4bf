package dev.atlas.client;

/** Dashboard bodies as a server sends them (Date.toString() timestamps, COUNT cells as strings). */
final class DashboardFixtures {
  static final String D = "7d2f4b6a-1c3e-4a5b-8d7f-9e1a3c5b7d90";
  static final String C = "3c1e9a5f-7b2d-4e8c-9a1f-5d3b7e9c1a26";
  static final String JS = "Sun Dec 06 2026 05:08:32 GMT+0000 (Coordinated Universal Time)";
  static final String CARD = "{\"id\":\"" + C + "\",\"dashboardId\":\"" + D + "\",\"position\":0,\"title\":\"Orders\","
      + "\"kind\":\"chart\",\"sql\":\"SELECT COUNT(*) AS orders FROM orders\",\"chartConfig\":{\"type\":\"kpi\","
      + "\"categoryColumn\":\"\",\"valueColumns\":[\"orders\"]},\"content\":null,\"annotations\":[],"
      + "\"cachedColumns\":[\"orders\"],\"cachedRows\":[{\"orders\":\"1894\"}],\"cachedAt\":\"" + JS + "\","
      + "\"connectionGroupId\":null,\"layout\":{\"x\":0,\"y\":0,\"w\":6,\"h\":4},\"createdAt\":\"" + JS
      + "\",\"updatedAt\":\"" + JS + "\"}";
  static final String HEAD = "\"id\":\"" + D + "\",\"orgId\":\"org-1\",\"ownerId\":\"user-1\",\"title\":\"Revenue\","
      + "\"description\":null,\"shareToken\":null,\"shareExpiresAt\":null,\"shareMode\":\"public\","
      + "\"refreshSchedule\":\"0 7 * * *\",\"lastRefreshAt\":null,\"nextRefreshAt\":\"" + JS + "\","
      + "\"parameters\":[{\"key\":\"region\",\"type\":\"text\",\"default\":\"north\",\"label\":\"Region\"}],"
      + "\"createdAt\":\"" + JS + "\",\"updatedAt\":\"" + JS + "\"";
  static final String SUMMARY = "{" + HEAD + ",\"cardCount\":1}";
  static final String DASHBOARD = "{" + HEAD + ",\"cards\":[" + CARD + "]}";

  private DashboardFixtures() {}
}
