using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "duty");

            migrationBuilder.CreateTable(
                name: "assessments",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    person_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    summary = table.Column<string>(type: "text", nullable: true),
                    problems = table.Column<string>(type: "text", nullable: true),
                    next_steps = table.Column<string>(type: "text", nullable: true),
                    held_on = table.Column<DateOnly>(type: "date", nullable: true),
                    record = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    attendees = table.Column<List<string>>(type: "text[]", nullable: true),
                    facts = table.Column<string>(type: "text", nullable: true),
                    evaluation = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    evaluation_notes = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cadre_authority",
                schema: "duty",
                columns: table => new
                {
                    person_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    holder_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    assistant_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    report_upward = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cadre_authority", x => x.person_id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_entries",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    working_day = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_years",
                schema: "duty",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "close_out_sign_offs",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    finding_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    person_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_close_out_sign_offs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "duty_years",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duty_years", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    added_by = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    content_type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_contents",
                schema: "duty",
                columns: table => new
                {
                    evidence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_contents", x => x.evidence_id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_links",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    evidence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    subject_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    leader_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    department = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    area = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lapse_id = table.Column<Guid>(type: "uuid", nullable: true),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    actions = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "handler_runs",
                schema: "duty",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    result = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handler_runs", x => x.job_id);
                });

            migrationBuilder.CreateTable(
                name: "lapse_annotations",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lapse_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    @class = table.Column<string>(name: "class", type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lapse_annotations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lapses",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    person_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    what = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    article = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    missed_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    missed_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    missed_task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    done_later_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    @class = table.Column<string>(name: "class", type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lapses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "list_items",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true),
                    owner_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    area = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    project_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    finding_id = table.Column<Guid>(type: "uuid", nullable: true),
                    order = table.Column<int>(type: "integer", nullable: false),
                    list = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    risk_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_units",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    head_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    order = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    culture = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    positions = table.Column<List<string>>(type: "text[]", nullable: false),
                    groups = table.Column<List<string>>(type: "text[]", nullable: false),
                    portfolio = table.Column<List<string>>(type: "text[]", nullable: false),
                    access = table.Column<List<string>>(type: "text[]", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_areas",
                schema: "duty",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    leader_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_areas", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "project_items",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    area = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rectification_rounds",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    finding_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    measures = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: true),
                    updated_item_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectification_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reminder_talks",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    person_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    holder_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    assistant_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    lapse_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    place = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    report_upward = table.Column<bool>(type: "boolean", nullable: false),
                    record = table.Column<string>(type: "text", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_talks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "seed_files",
                schema: "duty",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seed_files", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    supervising_leader_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    first_responsible_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    unit_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    order = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subjects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "talk_commitments",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    talk_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    followed_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talk_commitments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "verifications",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    finding_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    by = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "written_reports",
                schema: "duty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_written_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_record_year_subject_id_period",
                schema: "duty",
                table: "assessments",
                columns: new[] { "record", "year", "subject_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_source_instance_id",
                schema: "duty",
                table: "assessments",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_entries_year",
                schema: "duty",
                table: "calendar_entries",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_claims_project_item_id_subject_id",
                schema: "duty",
                table: "claims",
                columns: new[] { "project_item_id", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_source_instance_id",
                schema: "duty",
                table: "claims",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_subject_id_year",
                schema: "duty",
                table: "claims",
                columns: new[] { "subject_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_close_out_sign_offs_finding_id_role",
                schema: "duty",
                table: "close_out_sign_offs",
                columns: new[] { "finding_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_close_out_sign_offs_source_instance_id",
                schema: "duty",
                table: "close_out_sign_offs",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_duty_years_source_instance_id",
                schema: "duty",
                table: "duty_years",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_duty_years_year",
                schema: "duty",
                table: "duty_years",
                column: "year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evidence_source_instance_id",
                schema: "duty",
                table: "evidence",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_subject_id_sha256",
                schema: "duty",
                table: "evidence",
                columns: new[] { "subject_id", "sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_links_evidence_id",
                schema: "duty",
                table: "evidence_links",
                column: "evidence_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_links_target_kind_target_id_evidence_id",
                schema: "duty",
                table: "evidence_links",
                columns: new[] { "target_kind", "target_id", "evidence_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_feedback_source_instance_id",
                schema: "duty",
                table: "feedback",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_findings_feedback_id_number",
                schema: "duty",
                table: "findings",
                columns: new[] { "feedback_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_findings_source_instance_id",
                schema: "duty",
                table: "findings",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_findings_subject_id",
                schema: "duty",
                table: "findings",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_commitment_id",
                schema: "duty",
                table: "follow_ups",
                column: "commitment_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_lapse_id",
                schema: "duty",
                table: "follow_ups",
                column: "lapse_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_source_instance_id",
                schema: "duty",
                table: "follow_ups",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_lapse_annotations_lapse_id",
                schema: "duty",
                table: "lapse_annotations",
                column: "lapse_id");

            migrationBuilder.CreateIndex(
                name: "ix_lapses_person_id",
                schema: "duty",
                table: "lapses",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_lapses_source_instance_id",
                schema: "duty",
                table: "lapses",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_lapses_subject_id_missed_instance_id_what_due_at",
                schema: "duty",
                table: "lapses",
                columns: new[] { "subject_id", "missed_instance_id", "what", "due_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lapses_subject_id_year",
                schema: "duty",
                table: "lapses",
                columns: new[] { "subject_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_list_items_finding_id",
                schema: "duty",
                table: "list_items",
                column: "finding_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_items_owner_id",
                schema: "duty",
                table: "list_items",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_items_source_instance_id",
                schema: "duty",
                table: "list_items",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_items_subject_id_year",
                schema: "duty",
                table: "list_items",
                columns: new[] { "subject_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_project_items_source_instance_id",
                schema: "duty",
                table: "project_items",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_items_year_code",
                schema: "duty",
                table: "project_items",
                columns: new[] { "year", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rectification_rounds_finding_id_round",
                schema: "duty",
                table: "rectification_rounds",
                columns: new[] { "finding_id", "round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rectification_rounds_source_instance_id",
                schema: "duty",
                table: "rectification_rounds",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminder_talks_person_id",
                schema: "duty",
                table: "reminder_talks",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminder_talks_source_instance_id",
                schema: "duty",
                table: "reminder_talks",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminder_talks_subject_id_year",
                schema: "duty",
                table: "reminder_talks",
                columns: new[] { "subject_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_subjects_owner_id",
                schema: "duty",
                table: "subjects",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_talk_commitments_talk_id_number",
                schema: "duty",
                table: "talk_commitments",
                columns: new[] { "talk_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_verifications_finding_id_round",
                schema: "duty",
                table: "verifications",
                columns: new[] { "finding_id", "round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_verifications_source_instance_id",
                schema: "duty",
                table: "verifications",
                column: "source_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_written_reports_feedback_id",
                schema: "duty",
                table: "written_reports",
                column: "feedback_id");

            migrationBuilder.CreateIndex(
                name: "ix_written_reports_source_instance_id",
                schema: "duty",
                table: "written_reports",
                column: "source_instance_id");

            // A lapse is kept for good (Art. 26): no DELETE or TRUNCATE, and what it records never changes; annotations are append-only.
            migrationBuilder.Sql(KeptForGood.PostgresUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(KeptForGood.PostgresDown);

            migrationBuilder.DropTable(
                name: "assessments",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "cadre_authority",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "calendar_entries",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "calendar_years",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "claims",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "close_out_sign_offs",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "duty_years",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "evidence",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "evidence_contents",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "evidence_links",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "feedback",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "findings",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "follow_ups",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "handler_runs",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "lapse_annotations",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "lapses",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "list_items",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "org_units",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "people",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "portfolio_areas",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "project_items",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "rectification_rounds",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "reminder_talks",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "seed_files",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "subjects",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "talk_commitments",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "verifications",
                schema: "duty");

            migrationBuilder.DropTable(
                name: "written_reports",
                schema: "duty");
        }
    }
}
