using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: true),
                    problems = table.Column<string>(type: "TEXT", nullable: true),
                    next_steps = table.Column<string>(type: "TEXT", nullable: true),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    record = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    attendees = table.Column<string>(type: "TEXT", nullable: true),
                    facts = table.Column<string>(type: "TEXT", nullable: true),
                    evaluation = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    evaluation_notes = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cadre_authority",
                columns: table => new
                {
                    person_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    holder_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    assistant_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    report_upward = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cadre_authority", x => x.person_id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    working_day = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_years",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: true),
                    stamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "close_out_sign_offs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    finding_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_close_out_sign_offs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "duty_years",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duty_years", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    size = table.Column<long>(type: "INTEGER", nullable: true),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_contents",
                columns: table => new
                {
                    evidence_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_contents", x => x.evidence_id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    evidence_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    target_kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    target_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    linked_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    feedback_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    leader_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    department = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    area = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    verified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lapse_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    commitment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    actions = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "handler_runs",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    result = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handler_runs", x => x.job_id);
                });

            migrationBuilder.CreateTable(
                name: "lapse_annotations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lapse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    @class = table.Column<string>(name: "class", type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lapse_annotations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lapses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    what = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    article = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    missed_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    missed_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    missed_task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    done_later_at = table.Column<long>(type: "INTEGER", nullable: true),
                    @class = table.Column<string>(name: "class", type: "TEXT", maxLength: 40, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lapses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "list_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: true),
                    owner_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    area = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    project_item_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    finding_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    list = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    risk_item_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_units",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    head_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    culture = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    positions = table.Column<string>(type: "TEXT", nullable: false),
                    groups = table.Column<string>(type: "TEXT", nullable: false),
                    portfolio = table.Column<string>(type: "TEXT", nullable: false),
                    access = table.Column<string>(type: "TEXT", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_areas",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    leader_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_areas", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "project_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    area = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rectification_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    finding_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    measures = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: true),
                    updated_item_ids = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectification_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reminder_talks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    holder_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    assistant_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    lapse_ids = table.Column<string>(type: "TEXT", nullable: false),
                    scheduled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    place = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    report_upward = table.Column<bool>(type: "INTEGER", nullable: false),
                    record = table.Column<string>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_talks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "seed_files",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seed_files", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    supervising_leader_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    first_responsible_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    unit_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subjects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "talk_commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    talk_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    followed_up_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talk_commitments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "verifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    finding_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round = table.Column<int>(type: "INTEGER", nullable: false),
                    verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    by = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "written_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    feedback_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_written_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_record_year_subject_id_period",
                table: "assessments",
                columns: new[] { "record", "year", "subject_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_source_instance_id",
                table: "assessments",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_entries_year",
                table: "calendar_entries",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_claims_project_item_id_subject_id",
                table: "claims",
                columns: new[] { "project_item_id", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_source_instance_id",
                table: "claims",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_subject_id_year",
                table: "claims",
                columns: new[] { "subject_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_close_out_sign_offs_finding_id_role",
                table: "close_out_sign_offs",
                columns: new[] { "finding_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_close_out_sign_offs_source_instance_id",
                table: "close_out_sign_offs",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_duty_years_source_instance_id",
                table: "duty_years",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_duty_years_year",
                table: "duty_years",
                column: "year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evidence_source_instance_id",
                table: "evidence",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_subject_id_sha256",
                table: "evidence",
                columns: new[] { "subject_id", "sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_links_evidence_id",
                table: "evidence_links",
                column: "evidence_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_links_target_kind_target_id_evidence_id",
                table: "evidence_links",
                columns: new[] { "target_kind", "target_id", "evidence_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_feedback_source_instance_id",
                table: "feedback",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_findings_feedback_id_number",
                table: "findings",
                columns: new[] { "feedback_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_findings_source_instance_id",
                table: "findings",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_findings_subject_id",
                table: "findings",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_commitment_id",
                table: "follow_ups",
                column: "commitment_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_lapse_id",
                table: "follow_ups",
                column: "lapse_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_source_instance_id",
                table: "follow_ups",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_lapse_annotations_lapse_id",
                table: "lapse_annotations",
                column: "lapse_id");

            migrationBuilder.CreateIndex(
                name: "ix_lapses_person_id",
                table: "lapses",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_lapses_source_instance_id",
                table: "lapses",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_lapses_subject_id_missed_instance_id_what_due_at",
                table: "lapses",
                columns: new[] { "subject_id", "missed_instance_id", "what", "due_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lapses_subject_id_year",
                table: "lapses",
                columns: new[] { "subject_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_list_items_finding_id",
                table: "list_items",
                column: "finding_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_items_owner_id",
                table: "list_items",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_items_source_instance_id",
                table: "list_items",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_items_subject_id_year",
                table: "list_items",
                columns: new[] { "subject_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_project_items_source_instance_id",
                table: "project_items",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_items_year_code",
                table: "project_items",
                columns: new[] { "year", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rectification_rounds_finding_id_round",
                table: "rectification_rounds",
                columns: new[] { "finding_id", "round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rectification_rounds_source_instance_id",
                table: "rectification_rounds",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminder_talks_person_id",
                table: "reminder_talks",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminder_talks_source_instance_id",
                table: "reminder_talks",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminder_talks_subject_id_year",
                table: "reminder_talks",
                columns: new[] { "subject_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_subjects_owner_id",
                table: "subjects",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_talk_commitments_talk_id_number",
                table: "talk_commitments",
                columns: new[] { "talk_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_verifications_finding_id_round",
                table: "verifications",
                columns: new[] { "finding_id", "round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_verifications_source_instance_id",
                table: "verifications",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_written_reports_feedback_id",
                table: "written_reports",
                column: "feedback_id");

            migrationBuilder.CreateIndex(
                name: "ix_written_reports_source_instance_id",
                table: "written_reports",
                column: "source_instance_id");

            // A lapse is kept for good (Art. 26): no DELETE, and what it records never changes; annotations are append-only.
            migrationBuilder.Sql(KeptForGood.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(KeptForGood.SqliteDown);

            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "cadre_authority");

            migrationBuilder.DropTable(
                name: "calendar_entries");

            migrationBuilder.DropTable(
                name: "calendar_years");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropTable(
                name: "close_out_sign_offs");

            migrationBuilder.DropTable(
                name: "duty_years");

            migrationBuilder.DropTable(
                name: "evidence");

            migrationBuilder.DropTable(
                name: "evidence_contents");

            migrationBuilder.DropTable(
                name: "evidence_links");

            migrationBuilder.DropTable(
                name: "feedback");

            migrationBuilder.DropTable(
                name: "findings");

            migrationBuilder.DropTable(
                name: "follow_ups");

            migrationBuilder.DropTable(
                name: "handler_runs");

            migrationBuilder.DropTable(
                name: "lapse_annotations");

            migrationBuilder.DropTable(
                name: "lapses");

            migrationBuilder.DropTable(
                name: "list_items");

            migrationBuilder.DropTable(
                name: "org_units");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "portfolio_areas");

            migrationBuilder.DropTable(
                name: "project_items");

            migrationBuilder.DropTable(
                name: "rectification_rounds");

            migrationBuilder.DropTable(
                name: "reminder_talks");

            migrationBuilder.DropTable(
                name: "seed_files");

            migrationBuilder.DropTable(
                name: "subjects");

            migrationBuilder.DropTable(
                name: "talk_commitments");

            migrationBuilder.DropTable(
                name: "verifications");

            migrationBuilder.DropTable(
                name: "written_reports");
        }
    }
}
